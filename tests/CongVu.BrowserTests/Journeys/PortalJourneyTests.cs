using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

/// <summary>The public portal: an editor publishes a story with a captioned photo; the home page works with JavaScript off.</summary>
public partial class PortalJourneyTests(BrowserHost host) : BrowserTest(host)
{
    [Fact]
    public async Task Editor_PublishesPostWithCaptionedPhoto_AndVisitorsSeeItWithByline()
    {
        const string title = "Ra quân làm sạch kênh thủy lợi ấp Cây Gòn";
        const string caption = "Đoàn viên nạo vét kênh sáng Chủ nhật";
        const string byline = "Bài, ảnh: Văn phòng Đảng ủy";

        await Page.SignInAsync();
        await Page.ExpectDashboardAsync();
        await Page.GotoAsync("/staff/news");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Viết bài mới", Exact = true }).ClickAsync();

        await Page.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Sapo (tóm tắt)", new() { Exact = true }).FillAsync("Hơn 80 đoàn viên, hội viên cùng người dân nạo vét 2 km kênh.");
        await Page.GetByLabel("Nội dung", new() { Exact = true }).FillAsync("Sáng 22/11, **Chi bộ ấp Cây Gòn** phát động ra quân.\n\n- Nạo vét kênh\n- Phát quang bờ bao");
        await Page.GetByLabel("Tác giả", new() { Exact = false }).FillAsync(byline);
        // The publish date and time are prefilled with now: publishing keeps them.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng bài", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đăng bài.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        await Page.GetByLabel("Tệp ảnh", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "kenh.png",
            MimeType = "image/png",
            Buffer = SmallPng(48, 32),
        });
        await Page.GetByLabel("Chú thích ảnh", new() { Exact = true }).FillAsync(caption);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thêm ảnh", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm ảnh.");

        // The published post links to its public address: an ASCII slug of the Vietnamese title.
        const string href = "/tin-tuc/ra-quan-lam-sach-kenh-thuy-loi-ap-cay-gon";
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = href, Exact = true })).ToHaveAttributeAsync("href", href);

        await using var visitor = await Host.NewContextAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(href);

        var article = page.GetByRole(AriaRole.Article);
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(article.GetByText("Chi bộ ấp Cây Gòn", new() { Exact = true })).ToBeVisibleAsync();
        var figure = article.GetByRole(AriaRole.Figure);
        await Expect(figure).ToContainTextAsync(caption);
        var photo = figure.GetByRole(AriaRole.Img, new() { Name = caption, Exact = true });
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToBeVisibleAsync();
        await Expect(article.GetByText(byline, new() { Exact = true })).ToBeVisibleAsync();

        // The photo itself is served to an anonymous visitor as an image.
        var src = await photo.GetAttributeAsync("src");
        var response = await visitor.APIRequest.GetAsync(src!);
        Assert.Equal(200, response.Status);
        // Stored re-encoded: the PNG upload is served as JPEG.
        Assert.StartsWith("image/jpeg", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_WithJavaScriptOff_ShowsNewsFiguresVisitBox_AndFeedbackLinkWorks()
    {
        await using var context = await Host.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var news = page.GetByRole(AriaRole.Region, new() { Name = "Tin mới", Exact = true });
        await Expect(news.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(news.GetByRole(AriaRole.Link, new() { Name = "Xem tất cả tin", Exact = true })).ToBeVisibleAsync();

        var figures = page.GetByRole(AriaRole.Region, new() { Name = "Số liệu chính", Exact = true });
        await Expect(figures.Locator("dl.figures dd").First).ToBeVisibleAsync();

        var visits = page.GetByRole(AriaRole.Region, new() { Name = "Thống kê truy cập", Exact = true });
        await Expect(visits).ToContainTextAsync("Đang online");
        await Expect(visits.Locator("dd")).ToHaveCountAsync(4);

        await page.GetByRole(AriaRole.Link, new() { Name = "Gửi góp ý, phản ánh", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(FeedbackPath());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Góp ý, phản ánh", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>A real PNG (signature, IHDR, zlib IDAT, IEND with CRCs) of a colour gradient, so any decoder accepts it.</summary>
    private static byte[] SmallPng(int width, int height)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = (byte)(x * 5);
                raw[row + 2 + (x * 3)] = (byte)(y * 7);
                raw[row + 3 + (x * 3)] = 160;
            }
        }

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex("/gop-y")]
    private static partial Regex FeedbackPath();
}
