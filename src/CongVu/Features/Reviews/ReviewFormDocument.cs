using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Features.Reviews;

/// <summary>What the member's review form prints; plain data so the document builder stays pure.</summary>
public sealed record ReviewFormData(
    string SuperiorBody,
    string IssuingBody,
    string Place,
    DateOnly Date,
    int Year,
    string MemberName,
    string FormName,
    IReadOnlyList<(string Code, string Label, decimal Max, decimal? Points, string? Note)> Scores,
    string? SelfLevel,
    string? Summary,
    string? CellLevel,
    string? CellComment,
    string? DecisionLevel,
    string? Explanation);

/// <summary>The member's review form as DOCX in the Party document format (Hướng dẫn 36-HD/VPTW, 2018): A4, Times New Roman.</summary>
public static class ReviewFormDocument
{
    /// <summary>HD 36-HD/VPTW: "Tiểu Cần, ngày 05 tháng 02 năm 2026" — days below 10 and months 1–2 padded.</summary>
    public static string DateLine(string place, DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    public static byte[] Build(ReviewFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            // Header: issuing body top left, party name and date line top right.
            var header = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
            header.Append(new TableRow(
                Cell(Para(data.SuperiorBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 28), Para(data.IssuingBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 28, bold: true), Para("*", 28)),
                Cell(Para("ĐẢNG CỘNG SẢN VIỆT NAM", 30, bold: true, underline: true), Para(DateLine(data.Place, data.Date), 28, italic: true))));
            body.Append(header);
            body.Append(Para(string.Empty, 28));
            body.Append(Para("BẢN KIỂM ĐIỂM ĐẢNG VIÊN", 32, bold: true));
            body.Append(Para($"Năm {data.Year}", 28, bold: true));
            body.Append(Para($"Họ và tên: {data.MemberName}", 28, align: JustificationValues.Left));
            body.Append(Para(data.FormName, 28, align: JustificationValues.Left));

            var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single }, new LeftBorder { Val = BorderValues.Single }, new RightBorder { Val = BorderValues.Single }, new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
            table.Append(new TableRow(Cell(Para("Tiêu chí", 26, bold: true)), Cell(Para("Điểm tối đa", 26, bold: true)), Cell(Para("Tự chấm", 26, bold: true)), Cell(Para("Ghi chú", 26, bold: true))));
            foreach (var s in data.Scores)
            {
                table.Append(new TableRow(
                    Cell(Para($"{s.Code} — {s.Label}", 26, align: JustificationValues.Left)),
                    Cell(Para(s.Max.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), 26)),
                    Cell(Para(s.Points?.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) ?? "", 26)),
                    Cell(Para(s.Note ?? "", 26, align: JustificationValues.Left))));
            }

            table.Append(new TableRow(Cell(Para("Tổng cộng", 26, bold: true)), Cell(Para("100", 26)), Cell(Para(data.Scores.Sum(s => s.Points ?? 0).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), 26, bold: true)), Cell(Para("", 26))));
            body.Append(table);
            body.Append(Para($"Tự nhận xét: {data.Summary}", 28, align: JustificationValues.Both));
            body.Append(Para($"Tự xếp loại: {data.SelfLevel ?? "—"}", 28, align: JustificationValues.Left));
            body.Append(Para($"Nhận xét, đề nghị của chi bộ: {data.CellLevel ?? "—"}. {data.CellComment}", 28, align: JustificationValues.Both));
            body.Append(Para($"Kết quả xếp loại của cấp có thẩm quyền: {data.DecisionLevel ?? "—"}", 28, bold: true, align: JustificationValues.Left));
            foreach (var line in (data.Explanation ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                body.Append(Para(line.Trim(), 26, italic: true, align: JustificationValues.Both));
            }

            // HD 36-HD/VPTW: A4, margins top 20, bottom 20, left 30, right 15 mm (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableCell Cell(params Paragraph[] paragraphs)
    {
        var cell = new TableCell();
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Para(string text, int halfPoints, bool bold = false, bool italic = false, bool underline = false, JustificationValues? align = null)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        if (underline)
        {
            props.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Paragraph(
            new ParagraphProperties(new Justification { Val = align ?? JustificationValues.Center }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
