using System.Globalization;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Documents;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Features.Reports;

/// <summary>Everything a report prints, as plain data, so the document builders stay pure.</summary>
public sealed record ReportContent(
    string SuperiorBody,
    string IssuingBody,
    string Place,
    DateOnly Date,
    string NumberText,
    string Subject,
    IReadOnlyList<(string Heading, string Text)> Sections,
    IReadOnlyList<FigureDef> Rows,
    IReadOnlyList<YearFigures> Years,
    IReadOnlyList<string> Recipients,
    string? Signer,
    PageMarginsMm Margins);

/// <summary>The report as a Party-format DOCX (HD 36-HD/VPTW) and its XLSX data appendix.</summary>
public static class ReportDocument
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>HD 36-HD/VPTW: "Số 12-BC/ĐU" — number, hyphen, type abbreviation, slash, issuing body abbreviation (ĐU = Đảng ủy).</summary>
    public static string NumberText(int? number, string docType) =>
        number is int n ? string.Create(CultureInfo.InvariantCulture, $"Số {n}-{docType}/ĐU") : $"Số      -{docType}/ĐU";

    /// <summary>"Đảng bộ xã Hiếu Trung" issues as "Đảng ủy xã Hiếu Trung" (the executive committee signs).</summary>
    public static string IssuingBody(string committeeName) =>
        committeeName.StartsWith("Đảng bộ ", StringComparison.Ordinal) ? "Đảng ủy " + committeeName["Đảng bộ ".Length..] : committeeName;

    public static byte[] Docx(ReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PartyDocument.Build(body =>
        {
            body.Append(PartyDocument.Header(c.SuperiorBody, c.IssuingBody, c.Place, c.Date, c.NumberText));
            body.Append(Text(string.Empty));
            body.Append(PartyDocument.Para("BÁO CÁO", 32, bold: true));
            body.Append(PartyDocument.Para(c.Subject, 28, bold: true));
            body.Append(PartyDocument.Para("-----", 28));
            foreach (var (heading, text) in c.Sections)
            {
                body.Append(PartyDocument.Para(heading, 28, bold: true, align: JustificationValues.Left));
                foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
                {
                    body.Append(Text(line));
                }
            }

            body.Append(PartyDocument.Para("BẢNG SỐ LIỆU CHỦ YẾU", 28, bold: true));
            var table = PartyDocument.BorderedTable(2 + c.Years.Count);
            table.Append(new TableRow([Head("Chỉ tiêu"), Head("Đơn vị"), .. c.Years.Select(y => Head(y.Year.ToString(CultureInfo.InvariantCulture)))]));
            foreach (var def in c.Rows)
            {
                table.Append(new TableRow([Cell(def.Label), Cell(def.Unit), .. c.Years.Select(y => Cell(y.Get(def.Key).Text))]));
            }

            body.Append(table);
            foreach (var y in c.Years.Where(y => y.NtmStatus is not null))
            {
                body.Append(Text($"Nông thôn mới năm {y.Year}: {y.NtmStatus}."));
            }

            body.Append(Text(string.Empty));
            body.Append(PartyDocument.Signature(c.Recipients, "T/M Đảng ủy", "Bí thư", c.Signer));
        }, c.Margins);
    }

    private static readonly string?[] AppendixTitle = ["PHỤ LỤC SỐ LIỆU"];

    public static byte[] Xlsx(ReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var rows = new List<IReadOnlyList<string?>>
        {
            AppendixTitle,
            new[] { $"(Kèm theo Báo cáo {c.NumberText} ngày {c.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {c.IssuingBody})" },
            new[] { c.Subject },
            Array.Empty<string?>(),
            new List<string?> { "STT", "Chỉ tiêu", "Đơn vị" }.Concat(c.Years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))).ToList(),
        };
        rows.AddRange(c.Rows.Select((def, i) => (IReadOnlyList<string?>)new List<string?> { (i + 1).ToString(CultureInfo.InvariantCulture), def.Label, def.Unit }
            .Concat(c.Years.Select(y => y.Get(def.Key).Text)).ToList()));
        foreach (var y in c.Years.Where(y => y.NtmStatus is not null))
        {
            rows.Add([null, $"Nông thôn mới năm {y.Year}", null, y.NtmStatus]);
        }

        using var stream = new MemoryStream();
        RegistryWorkbookWriter.Write(stream, "Phu luc so lieu", rows);
        return stream.ToArray();
    }

    private static Paragraph Text(string text) => PartyDocument.Para(text, 28, align: JustificationValues.Both);

    private static TableCell Head(string text) => PartyDocument.Cell(PartyDocument.Para(text, 24, bold: true));

    private static TableCell Cell(string text) => PartyDocument.Cell(PartyDocument.Para(text, 24, align: JustificationValues.Left));
}
