vcl 4.1;

# StoryVault behind Varnish. Set the backend to your StoryVault instance(s) and point
# storyvault.cdn.http.urls at this cache (storyvault.cdn.purge=http).

backend storyvault {
    .host = "127.0.0.1";
    .port = "8080";
}

# Who may BAN and PURGE: StoryVault's own addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "Surrogate-Key required"));
        }
        # Keys are space-separated words like story-sty_01abc; ban every object tagged with any of them.
        set req.http.X-Keys = regsuball(regsuball(req.http.Surrogate-Key, "[^A-Za-z0-9_ -]", ""), " +", "|");
        ban("obj.http.Surrogate-Key ~ (^| )(" + req.http.X-Keys + ")( |$)");
        return (synth(200, "Banned"));
    }
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    # Forwarding headers never select or change a cached response.
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Proto;
    unset req.http.X-Forwarded-Port;
    unset req.http.Forwarded;
    # Requests with credentials pass (built-in VCL); everything StoryVault marks public is cached.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
