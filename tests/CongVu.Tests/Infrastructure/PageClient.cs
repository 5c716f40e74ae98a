using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CongVu.Tests.Infrastructure;

/// <summary>Reads pages with AngleSharp and submits their own forms (antiforgery token included), as a browser would.</summary>
public static class PageClient
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri ?? new Uri("http://localhost/")));
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {expected}, got {(int)response.StatusCode} {response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Fills the form's fields (by name) and submits it the way the browser would, with its hidden fields and antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        var fields = CollectFields(form, submitter);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new KeyValuePair<string, string>(name, value));
        }

        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? form.BaseUri ?? "/" : action;
        if (submitter?.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            url = formAction;
        }

        var uri = new Uri(new Uri(form.Owner!.Url), url);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(uri.PathAndQuery, content);
    }

    /// <summary>Submits a multipart form with one file.</summary>
    public static async Task<HttpResponseMessage> SubmitFileAsync(this HttpClient client, IHtmlFormElement form, string fileField, string fileName, byte[] bytes, string contentType = "application/octet-stream", IDictionary<string, string>? values = null)
    {
        var fields = CollectFields(form, null);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new KeyValuePair<string, string>(name, value));
        }

        using var content = new MultipartFormDataContent();
        foreach (var f in fields)
        {
            content.Add(new StringContent(f.Value), f.Key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        var action = form.GetAttribute("action");
        var uri = new Uri(new Uri(form.Owner!.Url), string.IsNullOrEmpty(action) ? form.Owner!.Url : action);
        return await client.PostAsync(uri.PathAndQuery, content);
    }

    /// <summary>A valid antiforgery token of this client's session, from the sign-out page's form (for posts a page does not offer).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client) =>
        (await client.GetPageAsync("/tai-khoan/dang-xuat")).QuerySelector<IHtmlInputElement>("main input[name='__RequestVerificationToken']")?.Value
        ?? throw new InvalidOperationException("The sign-out page has no antiforgery token.");

    public static IHtmlFormElement Form(this IDocument doc, string selector = "main form") =>
        doc.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches '{selector}' in:\n{doc.Body?.TextContent}");

    public static string Text(this IDocument doc, string selector = "main") =>
        doc.QuerySelector(selector)?.TextContent ?? string.Empty;

    private static List<KeyValuePair<string, string>> CollectFields(IHtmlFormElement form, IHtmlElement? submitter)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in form.Elements)
        {
            switch (el)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, string.IsNullOrEmpty(input.Value) ? "on" : input.Value));
                        }
                    }
                    else if (input.Type is not ("submit" or "button" or "file" or "image"))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        fields.Add(new(select.Name, selected.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        if (submitter?.GetAttribute("name") is { Length: > 0 } submitName)
        {
            fields.Add(new(submitName, submitter.GetAttribute("value") ?? string.Empty));
        }

        return fields;
    }
}

public static class SignIn
{
    /// <summary>Signs in through the real sign-in page; returns the client carrying the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this AppFactory app, string userName, string password = CongVu.Features.Organisation.Demo.DemoCommune.Password)
    {
        var client = app.CreateBrowserLikeClient();
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }
}
