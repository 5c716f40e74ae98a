using System.Net;
using System.Xml.Linq;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Localization;

public class ResourceParityTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private static string ResourcesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CongVu.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "CongVu", "Resources");
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void EverySet_HasTheSameKeys_AsTheVietnameseSet()
    {
        var folder = ResourcesFolder();
        var neutral = Directory.GetFiles(folder, "*.resx").Where(f => Path.GetFileNameWithoutExtension(f).Split('.').Length == 1).ToList();
        Assert.NotEmpty(neutral);
        foreach (var vi in neutral)
        {
            var baseName = Path.GetFileNameWithoutExtension(vi);
            var en = Path.Combine(folder, baseName + ".en.resx");
            Assert.True(File.Exists(en), $"{baseName} has no English set.");
            var viKeys = Read(vi).Keys.ToHashSet();
            var enKeys = Read(en).Keys.ToHashSet();
            Assert.True(viKeys.SetEquals(enKeys),
                $"{baseName}: only in Vietnamese: {string.Join(", ", viKeys.Except(enKeys))}; only in English: {string.Join(", ", enKeys.Except(viKeys))}");
        }
    }

    [Fact]
    public void NoValue_IsEmpty()
    {
        foreach (var file in Directory.GetFiles(ResourcesFolder(), "*.resx"))
        {
            var empty = Read(file).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
            Assert.True(empty.Count == 0, $"{Path.GetFileName(file)} has empty values: {string.Join(", ", empty)}");
        }
    }

    [Fact]
    public async Task Pages_AreVietnameseByDefault_WhateverTheBrowserAsks()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        Assert.Equal("vi", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Đăng nhập", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_SetsACookie_AndPagesFollowIt()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/ngon-ngu?culture=en&returnUrl=%2Ftai-khoan%2Fdang-nhap", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tai-khoan/dang-nhap", response.Headers.Location!.OriginalString);
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", doc.QuerySelector("h1")!.TextContent);

        await client.GetAsync("/ngon-ngu?culture=vi-VN&returnUrl=%2F", TestContext.Current.CancellationToken);
        Assert.Equal("Đăng nhập", (await client.GetPageAsync("/tai-khoan/dang-nhap")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectOffSite()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/ngon-ngu?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F", TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ValidationMessages_AreLocalized()
    {
        var client = app.CreateBrowserLikeClient();
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string> { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Vui lòng nhập Tên đăng nhập.", page.Text(), StringComparison.Ordinal);
    }
}
