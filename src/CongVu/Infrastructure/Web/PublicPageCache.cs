using System.Globalization;
using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace CongVu.Infrastructure.Web;

/// <summary>
/// Output caching of the public portal's pages for anonymous visitors. A cached page is served only while
/// nothing has been written since it was rendered (the key holds <see cref="DataVersion"/>), in the same
/// language, for the same host and query, within the same minute of the app's clock (scheduled news), and for
/// at most <see cref="Duration"/>, which bounds how stale the visitor box may be and how long another
/// process's writes take to show. Visits are still counted on every view: the counter sits in front.
/// Signed-in users, other methods, other statuses and responses that set a cookie are never cached.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public-page";

    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>Memory the cached pages may take in all; pages weigh 5–30 KB.</summary>
    public const long SizeLimitBytes = 16 * 1024 * 1024;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Duration;

        var rules = context.CacheVaryByRules;
        rules.VaryByHost = true;
        rules.QueryKeys = "*";
        var services = http.RequestServices;
        rules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;
        rules.VaryByValues["data"] = services.GetRequiredService<DataVersion>().Current.ToString(CultureInfo.InvariantCulture);
        var minute = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 60;
        rules.VaryByValues["minute"] = minute.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
