using System.Net;
using CongVu.Features.Feedback;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

/// <summary>The app with a public-form limit of 2 submissions a minute.</summary>
public sealed class LowLimitAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicFormPerMinute", "2");
    }
}

public class FeedbackRateLimitTests(LowLimitAppFactory app) : IClassFixture<LowLimitAppFactory>
{
    [Fact]
    public async Task TheThirdSubmissionInAMinute_Gets429_AndStoresNothing()
    {
        var client = app.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        var texts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var doc = await client.GetPageAsync("/gop-y?xa=tieu-can");
            var form = doc.Form("form[enctype]");
            var text = $"Ý kiến số {i} " + Guid.NewGuid();
            texts.Add(text);
            var response = await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Kind"] = nameof(FeedbackKind.GopY),
                ["Input.Xa"] = "tieu-can",
                ["Input.Text"] = text,
                ["Input.Anonymity"] = nameof(FeedbackAnonymity.Anonymous),
            });
            statuses.Add(response.StatusCode);
        }

        // The first two are handled (refused as too fast: the fake clock stands still), the third is throttled.
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<FeedbackItem>().AnyAsync(f => f.Text == texts[2], TestContext.Current.CancellationToken));
    }
}
