using System.Net;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace CongVu.Tests.Features.Portal;

/// <summary>The app behind a reverse proxy at 10.0.0.1 (Portal:KnownProxies).</summary>
public sealed class ProxiedAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:KnownProxies:0", "10.0.0.1");
    }
}

public class ForwardedHeadersTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    private async Task VisitFromAsync(string peer, string forwardedFor, string userAgent)
    {
        var ctx = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/";
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers.UserAgent = userAgent;
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }, TestContext.Current.CancellationToken);
        Assert.Equal(200, ctx.Response.StatusCode);
    }

    [Fact]
    public async Task KnownProxy_ForwardedClientsAreTwoVisitors()
    {
        var ua = VisitCountingTests.NewBrowser();
        var before = await VisitCountingTests.FiguresAsync(app);
        await VisitFromAsync("10.0.0.1", "203.0.113.1", ua);
        await VisitFromAsync("10.0.0.1", "203.0.113.2", ua);

        Assert.Equal(before.Today + 2, (await VisitCountingTests.FiguresAsync(app)).Today);
    }

    [Fact]
    public async Task UnknownPeer_CannotForgeForwardedAddresses()
    {
        var ua = VisitCountingTests.NewBrowser();
        var before = await VisitCountingTests.FiguresAsync(app);
        await VisitFromAsync("198.51.100.9", "203.0.113.1", ua);
        await VisitFromAsync("198.51.100.9", "203.0.113.2", ua);

        Assert.Equal(before.Today + 1, (await VisitCountingTests.FiguresAsync(app)).Today);
    }
}
