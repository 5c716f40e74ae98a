using System.Text.RegularExpressions;
using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

public partial class FeedbackJourneyTests(BrowserHost host) : BrowserTest(host)
{
    [Fact]
    public async Task AnonymousFeedback_AnsweredWithEvidence_ShowsClosedOnStatusPageAndOpen311()
    {
        var text = "Đèn đường ở đầu ấp Cây Gòn bị hỏng " + Guid.NewGuid().ToString("N")[..8] + ", buổi tối rất tối.";

        // The citizen, without an account, files the feedback anonymously.
        await Page.GotoAsync("/gop-y");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Phản ánh", Exact = true }).CheckAsync();
        await Page.GetByLabel("Xã, phường", new() { Exact = true }).SelectOptionAsync("tieu-can");
        await Page.GetByLabel("Nội dung", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Ẩn danh hoàn toàn: không để lại thông tin liên hệ" }).CheckAsync();
        // The server refuses forms sent faster than a person types; the app's clock is fixed, so let it move on.
        Host.Time.Advance(TimeSpan.FromSeconds(30));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(StatusUrl());
        var thanks = Page.GetByRole(AriaRole.Status);
        await Expect(thanks).ToContainTextAsync("Cảm ơn bạn đã gửi ý kiến.");
        var code = (await thanks.Locator("strong").InnerTextAsync()).Trim();
        Assert.Matches(@"^\S{6,}$", code);
        await Expect(Page.GetByText("Đã tiếp nhận", new() { Exact = true })).ToBeVisibleAsync();

        // The handler, in a browser of their own, answers it as resolved with evidence.
        await using (var staffContext = await Host.NewContextAsync())
        {
            var staff = await staffContext.NewPageAsync();
            await staff.SignInAsync();
            await staff.ExpectDashboardAsync();
            await staff.GotoAsync("/staff/feedback");
            await staff.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(code);
            await Expect(staff.GetByText(text)).ToBeVisibleAsync();

            await staff.GetByLabel("Kết quả", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Đã giải quyết" });
            await staff.GetByLabel("Nội dung trả lời", new() { Exact = true }).FillAsync("Điện lực xã đã thay bóng đèn ngày 25/11/2026. Cảm ơn bà con đã phản ánh.");
            await staff.GetByLabel("Minh chứng", new() { Exact = true }).FillAsync("Biên bản nghiệm thu thay bóng đèn, có ảnh chụp.");
            await staff.GetByLabel("Tệp minh chứng (ảnh JPEG, PNG hoặc PDF)").SetInputFilesAsync(new FilePayload
            {
                Name = "bien-ban.pdf",
                MimeType = "application/pdf",
                Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
            });
            await staff.GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời", Exact = true }).ClickAsync();

            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Trả lời của cơ quan" })).ToBeVisibleAsync();
            await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Tệp minh chứng (ảnh JPEG, PNG hoặc PDF)" })).ToBeVisibleAsync();
        }

        // The citizen comes back with the code and sees the answer and the closed state.
        await Page.GotoAsync("/tra-cuu/" + code);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Trả lời của cơ quan" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Đã trả lời", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Đã giải quyết", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Điện lực xã đã thay bóng đèn")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Có minh chứng kết quả xử lý kèm theo.")).ToBeVisibleAsync();

        // Machine clients see the same through Open311.
        var response = await Page.APIRequest.GetAsync("/open311/v2/requests/" + code + ".json");
        Assert.Equal(200, response.Status);
        var json = await response.JsonAsync();
        var request = json!.Value[0];
        Assert.Equal(code, request.GetProperty("service_request_id").GetString());
        Assert.Equal("closed", request.GetProperty("status").GetString());
        Assert.Contains("Điện lực xã đã thay bóng đèn", request.GetProperty("status_notes").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/tra-cuu/[^/?]+\?moi=1$")]
    private static partial Regex StatusUrl();
}
