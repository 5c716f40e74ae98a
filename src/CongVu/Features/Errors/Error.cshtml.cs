using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
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
        // A code we have no page for is simply a page that does not exist.
        var known = code is 400 or 403 or 404 or 429 or 500 ? code : 404;
        Title = l[$"Error.{known}.Title"];
        Message = l[$"Error.{known}.Message"];
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        RequestId = known == 500 && reExecuted ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        // The access-denied redirect lands here directly: it answers 403. Other direct visits just show the page.
        if (!reExecuted && (known is 403 or 404) && HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            HttpContext.Response.StatusCode = known;
        }
    }
}
