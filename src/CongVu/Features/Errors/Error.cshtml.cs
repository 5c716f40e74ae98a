using System.Diagnostics;
using CongVu.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Message { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int code) => Fill(code);

    public void OnPost(int code) => Fill(code);

    private void Fill(int code)
    {
        var known = code is 400 or 403 or 404 or 429 or 500 ? code : 500;
        Title = l[$"Error.{known}.Title"];
        Message = l[$"Error.{known}.Message"];
        RequestId = known == 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        // A direct visit to /loi/404 still answers with the status it describes.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            HttpContext.Response.StatusCode = known;
        }
    }
}
