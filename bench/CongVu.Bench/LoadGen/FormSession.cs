using System.Net;
using System.Text.RegularExpressions;

namespace CongVu.Bench.LoadGen;

/// <summary>One browser-like visitor: its own cookies, no redirects followed, forms posted with the antiforgery token the page gave.</summary>
public sealed partial class FormSession(HttpClient http, string baseUrl)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string BaseUrl { get; } = baseUrl;

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>The Cookie header a tool such as wrk needs to act as this visitor.</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = connections,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Page(int Status, string Html, string? Location);

    public Task<Page> GetAsync(string path, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, BaseUrl + path), ct);

    public Task<Page> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = new FormUrlEncodedContent(fields) }, ct);

    public Task<Page> PostFileAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string contentType, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = form }, ct);
    }

    private async Task<Page> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", CookieHeader);
            }

            using var response = await http.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var sc in setCookies)
                {
                    var pair = sc.Split(';', 2)[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        continue;
                    }

                    var name = pair[..eq].Trim();
                    var value = pair[(eq + 1)..].Trim();
                    if (value.Length == 0 || sc.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = value;
                    }
                }
            }

            var html = await response.Content.ReadAsStringAsync(ct);
            return new Page((int)response.StatusCode, html, response.Headers.Location?.OriginalString);
        }
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string Token(string html)
    {
        var input = TokenInputRx().Match(html);
        if (!input.Success)
        {
            throw new InvalidOperationException("no antiforgery token on the page");
        }

        return WebUtility.HtmlDecode(ValueRx().Match(input.Value).Groups[1].Value);
    }

    /// <summary>Signs in through the real form; true when the app redirects into the staff area.</summary>
    public async Task<bool> SignInAsync(string user, string password, CancellationToken ct = default)
    {
        var page = await GetAsync("/tai-khoan/dang-nhap", ct);
        var token = Token(page.Html);
        var result = await PostFormAsync("/tai-khoan/dang-nhap",
        [
            new("__RequestVerificationToken", token),
            new("Input.UserName", user),
            new("Input.Password", password),
            new("ReturnUrl", string.Empty),
        ], ct);
        return result.Status == 302 && _cookies.Keys.Any(k => k.StartsWith("congvu.auth", StringComparison.Ordinal));
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInputRx();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueRx();
}
