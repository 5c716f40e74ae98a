using System.Globalization;
using System.Text;
using System.Net;

namespace CongVu.Features.Indicators;

/// <summary>A year-by-year line chart drawn as inline SVG on the server (no script): a title and description for screen readers, the target as a dashed line.</summary>
public static class TrendChart
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;

    public static string Render(string id, string title, string description, IReadOnlyList<(int Year, decimal? Value, decimal? Target)> points)
    {
        var inv = CultureInfo.InvariantCulture;
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value)
            .Concat(points.Where(p => p.Target is not null).Select(p => p.Target!.Value)).ToList();
        var max = values.Count == 0 ? 1m : values.Max();
        var min = values.Count == 0 ? 0m : Math.Min(0m, values.Min());
        if (max <= min)
        {
            max = min + 1m;
        }

        max *= 1.1m;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (points.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(points.Count - 1));
        double Y(decimal v) => Top + (plotH * (double)((max - v) / (max - min)));

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        sb.Append(inv, $"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        for (var k = 0; k <= 4; k++)
        {
            var v = min + ((max - min) * k / 4m);
            var y = Y(v);
            sb.Append(inv, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" />");
            sb.Append(inv, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{v.ToString("#,0.#", CultureInfo.GetCultureInfo("vi-VN"))}</text>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            sb.Append(inv, $"<text class=\"axis\" x=\"{X(i):0.#}\" y=\"{Height - 10}\" text-anchor=\"middle\">{points[i].Year}</text>");
        }

        var line = string.Join(" ", points.Select((p, i) => (p, i)).Where(t => t.p.Value is not null).Select(t => string.Create(inv, $"{X(t.i):0.#},{Y(t.p.Value!.Value):0.#}")));
        if (line.Length > 0)
        {
            sb.Append(inv, $"<polyline class=\"series\" fill=\"none\" points=\"{line}\" />");
        }

        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(t => t.p.Value is not null))
        {
            sb.Append(inv, $"<circle class=\"dot\" cx=\"{X(i):0.#}\" cy=\"{Y(p.Value!.Value):0.#}\" r=\"3\" />");
        }

        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(t => t.p.Target is not null))
        {
            var y = Y(p.Target!.Value);
            sb.Append(inv, $"<line class=\"target\" x1=\"{X(i) - 12:0.#}\" y1=\"{y:0.#}\" x2=\"{X(i) + 12:0.#}\" y2=\"{y:0.#}\" />");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
