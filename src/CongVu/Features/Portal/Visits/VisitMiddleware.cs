using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CongVu.Features.Portal.Visits;

/// <summary>Counts a page view of a public HTML page; costs a hash and a dictionary update.</summary>
public sealed class VisitMiddleware(RequestDelegate next, VisitService visits, PortalSite site, ILogger<VisitMiddleware> log)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (VisitRules.MayCount(context.Request))
        {
            // Counted as the headers go out: status and content type are final, and the count is in
            // before the visitor (or a test) can ask for the figures.
            context.Response.OnStarting(() => CountAsync(context));
        }

        return next(context);
    }

    private async Task CountAsync(HttpContext context)
    {
        if (!VisitRules.Counts(context.Response))
        {
            return;
        }

        try
        {
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "";
            await visits.RecordAsync(site.CommuneFor(context), ip, context.Request.Headers.UserAgent.ToString(), VisitRules.NormalisePath(context.Request.Path), context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A counter failure must never break the page.
            log.LogWarning(e, "Page view not counted.");
        }
    }
}

/// <summary>
/// Puts forwarded headers (only from the proxies in Portal:KnownProxies) and the counter in front of the
/// app's pipeline, so the client address is the real one and the page's final status is seen.
/// </summary>
public sealed class VisitStartupFilter(IConfiguration config) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var proxies = config.GetSection("Portal:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var p in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(p.Trim()));
            }

            app.UseForwardedHeaders(options);
        }

        // Portal:CountVisits=false turns counting off, e.g. to measure its cost in the benchmark.
        if (config.GetValue("Portal:CountVisits", true))
        {
            app.UseMiddleware<VisitMiddleware>();
        }

        next(app);
    };
}
