using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CongVu.Infrastructure.Web;

/// <summary>
/// The cookie TempData provider, minus its habit of sending a cookie-deleting <c>Set-Cookie</c> on every
/// response that read TempData when the browser never had the cookie: that header made every page uncacheable
/// (shared caches and the output cache refuse responses that set cookies) and cost bytes on every view.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string _cookieName = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // Nothing to keep and nothing to delete (large values are chunked into "<name>C1", "<name>C2", ...).
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(_cookieName, StringComparison.Ordinal)))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
