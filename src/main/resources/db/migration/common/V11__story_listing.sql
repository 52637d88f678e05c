-- The story's listing entry as JSON, written with the row (Stories.insert/update), so a listing or search
-- returns it as stored instead of parsing and rebuilding every document it shows.
-- why nullable, no backfill: rows written before this column get their entry built from the document.
ALTER TABLE stories ADD COLUMN listing TEXT;
