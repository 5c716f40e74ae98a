using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>
/// Hostile input against every anonymous page, form and API, generated from the endpoint list with a
/// fixed seed: no server error, and a refused request stores nothing. Bounded by CONGVU_FUZZ_CASES.
/// </summary>
public partial class HostileInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Nasty =
    [
        "' OR 1=1 --", "\"; DROP TABLE \"People\"; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "javascript:alert(1)", "{{7*7}}${7*7}", "../../../../etc/passwd", "%00", "\0", "\u202Eabc", "\uFEFF", "𝕏𝕐ℤ😀",
        "Huỳnh Văn Lý", "ĐẢNG", "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "[]", "{}", "true",
        "31/02/2020", "2020-13-45", " ", "\r\n\r\n", new string('a', 5000), new string('ệ', 3000),
    ];

    [Fact]
    public async Task AnonymousEndpoints_NeverFail_AndRefusedInputStoresNothing()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("CONGVU_FUZZ_CASES"), out var n) ? n : 400;
        var random = new Random(4_2025);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => (Route: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .Where(e => !e.Route.StartsWith("/openapi", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 5);

        var failures = new List<string>();
        var tried = 0;
        var refused = 0;
        for (var i = 0; i < cases; i++)
        {
            var (route, methods) = endpoints[random.Next(endpoints.Count)];
            var client = app.CreateBrowserLikeClient();
            var url = "/" + RouteParameter().Replace(route.TrimStart('/'), _ => Uri.EscapeDataString(Pick(random).Replace("\0", "", StringComparison.Ordinal)));
            // (The test host refuses a NUL in the path before the app sees it, as Kestrel does with a 400.)
            url += "?" + string.Join('&', Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
                Uri.EscapeDataString(random.Next(3) == 0 ? Pick(random) : QueryNames[random.Next(QueryNames.Length)]) + "=" + Uri.EscapeDataString(Pick(random))));
            var before = await CountRowsAsync();
            HttpResponseMessage response;
            var what = $"GET {url}";
            if (methods.Contains("POST") && random.Next(2) == 0)
            {
                (response, what) = await PostHostileAsync(client, route, url, random);
            }
            else
            {
                response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            }

            tried++;
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{what} → {status}");
                continue;
            }

            var success = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Created;
            if (!success && response.Content.Headers.ContentType?.MediaType is "text/html")
            {
                // A page answering with its form again (validation messages) counts as refused too.
                refused += status >= 400 || (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("<form", StringComparison.Ordinal) ? 1 : 0;
            }

            if (!success && response.RequestMessage!.Method != HttpMethod.Get)
            {
                var after = await CountRowsAsync();
                var grown = after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).Select(kv => kv.Key).ToList();
                if (grown.Count > 0)
                {
                    failures.Add($"{what} → {status} but stored rows in {string.Join(", ", grown)}");
                }
            }
        }

        SuiteFigures.Report("hostile input", $"{tried} requests over {endpoints.Count} anonymous endpoints, {refused} refused with a message, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30).Select(f => f.Length > 300 ? f[..300] + "…" : f)));
    }

    [Theory]
    [InlineData("application/json", "{\"Input\":{\"UserName\":\"a\"}}")]
    [InlineData("text/plain", "Input.UserName=a&Input.Password=b")]
    [InlineData("application/x-www-form-urlencoded", "Input.UserName=a&Input.UserName=b&Input.Password=%ZZ")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"Input.UserName\"\r\n\r\naaa")]
    public async Task SignIn_WithMalformedBodies_AnswersWithA4xx(string contentType, string body)
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/tai-khoan/dang-nhap", TestContext.Current.CancellationToken);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync("/tai-khoan/dang-nhap", content, TestContext.Current.CancellationToken);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private static readonly string[] QueryNames = ["commune", "year", "q", "code", "culture", "returnUrl", "xa", "trang", "ngay", "page"];

    private static string Pick(Random random) => random.Next(4) switch
    {
        0 => Nasty[random.Next(Nasty.Length)],
        1 => RandomUnicode(random, random.Next(1, 60)),
        2 => random.Next(-5, 3000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Nasty[random.Next(Nasty.Length)] + RandomUnicode(random, 5),
    };

    private static string RandomUnicode(Random random, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x00C0, 0x1EF9),
                2 => (char)random.Next(0xD800, 0xDFFF),
                3 => (char)random.Next(0x0300, 0x036F),
                _ => (char)random.Next(0x4E00, 0x9FFF),
            });
        }

        return sb.ToString();
    }

    private static async Task<(HttpResponseMessage, string)> PostHostileAsync(HttpClient client, string route, string url, Random random)
    {
        // Take the real form when the page has one (so the antiforgery token is valid), and poison its fields.
        var page = await client.GetAsync(url, TestContext.Current.CancellationToken);
        if (page.StatusCode == HttpStatusCode.OK && page.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var doc = await PageClient.ParseAsync(page);
            var form = doc.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase));
            if (form is not null)
            {
                var values = form.Elements.OfType<IHtmlElement>()
                    .Select(e => e.GetAttribute("name"))
                    .OfType<string>()
                    .Where(name => name != "__RequestVerificationToken")
                    .Distinct()
                    .ToDictionary(name => name, _ => Pick(random));
                return (await client.SubmitAsync(form, values), $"POST {url} (form {route} with {values.Count} poisoned fields)");
            }
        }

        using var junk = new FormUrlEncodedContent([new(Pick(random), Pick(random)), new("x", Pick(random))]);
        return (await client.PostAsync(url, junk, TestContext.Current.CancellationToken), $"POST {url} (no form, junk body)");
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var scope = app.SystemScope(out var db);
        var counts = new Dictionary<string, long>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            // Visitor statistics legitimately change on any page view; everything else must not.
            if (table.Contains("Visit", StringComparison.OrdinalIgnoreCase) || table.Contains("Salt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
