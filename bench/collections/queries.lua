-- The battle engine's catalog queries for wrk: animations by category and skeleton requirement,
-- effects by type and linked ability, sorted by name, pages of 20 (the same as CollectionsBench).
local categories = {"movement", "combat", "ability", "death", "idle"}
local types = {"projectile", "aura", "impact", "ground", "weapon_fx"}
local key = os.getenv("KEY")

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  local filter, collection
  if math.random(2) == 1 then
    collection = "animations"
    filter = "category = '" .. categories[math.random(5)] .. "' && skeleton_requirements ?= 'bone" .. (math.random(30) - 1) .. "'"
  else
    collection = "effects"
    filter = "effect_type = '" .. types[math.random(5)] .. "' && linked_ability_types ?= 'ability" .. (math.random(40) - 1) .. "'"
  end
  local path = "/api/collections/" .. collection .. "/documents?sort=name&limit=20&filter=" .. encode(filter)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. key})
end
