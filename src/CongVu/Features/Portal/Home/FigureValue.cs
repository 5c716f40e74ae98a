using System.Text.Encodings.Web;
using System.Text.Json;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Portal.Home;

/// <summary>
/// Writes one summary value (number, text, yes/no, nested figures or a list) as HTML. Done in code rather than
/// as a recursive partial view: the portal's home shows a few dozen values, and a partial per value cost more
/// than the rest of the page.
/// </summary>
public sealed class FigureValue(JsonElement value, IStringLocalizer localizer, string? key = null) : IHtmlContent
{
    private const int MaxListItems = 50;

    /// <summary>Summary keys whose value is a share between 0 and 1 (the API keeps the fraction; readers see a percentage).</summary>
    private static readonly HashSet<string> Fractions = new(StringComparer.Ordinal) { "pledgeRate" };

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (key is not null && Fractions.Contains(key) && value.ValueKind == JsonValueKind.Number)
        {
            writer.Write(Formats.Percent(Math.Round(value.GetDecimal() * 100, 2)));
            return;
        }

        Write(writer, encoder, value, 0);
    }

    private void Write(TextWriter writer, HtmlEncoder encoder, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                writer.Write(element.TryGetInt64(out var n) ? Formats.Number(n) : element.GetDecimal().ToString("N2", Formats.Vi));
                break;
            case JsonValueKind.String:
                encoder.Encode(writer, element.GetString() ?? string.Empty);
                break;
            case JsonValueKind.True:
                encoder.Encode(writer, localizer["Portal.Yes"]);
                break;
            case JsonValueKind.False:
                encoder.Encode(writer, localizer["Portal.No"]);
                break;
            case JsonValueKind.Object when depth < 4:
                writer.Write("<dl class=\"facts\">");
                foreach (var p in element.EnumerateObject())
                {
                    writer.Write("<dt>");
                    encoder.Encode(writer, Label(localizer, p.Name));
                    writer.Write("</dt><dd>");
                    Write(writer, encoder, p.Value, depth + 1);
                    writer.Write("</dd>");
                }

                writer.Write("</dl>");
                break;
            case JsonValueKind.Array when depth < 4:
                writer.Write("<ul>");
                foreach (var item in element.EnumerateArray().Take(MaxListItems))
                {
                    writer.Write("<li>");
                    Write(writer, encoder, item, depth + 1);
                    writer.Write("</li>");
                }

                writer.Write("</ul>");
                break;
            default:
                writer.Write('—');
                break;
        }
    }

    /// <summary>The figure's label in the reader's language, or its key when no label is written yet.</summary>
    public static string Label(IStringLocalizer localizer, string key)
    {
        var label = localizer["Portal.Figure." + key];
        return label.ResourceNotFound ? key : label.Value;
    }
}
