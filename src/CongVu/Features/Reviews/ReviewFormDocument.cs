using CongVu.Infrastructure.Documents;
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
    public static string DateLine(string place, DateOnly d) => PartyDocument.DateLine(place, d);

    public static byte[] Build(ReviewFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PartyDocument.Build(body =>
        {
            body.Append(PartyDocument.Header(data.SuperiorBody, data.IssuingBody, data.Place, data.Date));
            body.Append(Para(string.Empty, 28));
            body.Append(Para("BẢN KIỂM ĐIỂM ĐẢNG VIÊN", 32, bold: true));
            body.Append(Para($"Năm {data.Year}", 28, bold: true));
            body.Append(Para($"Họ và tên: {data.MemberName}", 28, align: JustificationValues.Left));
            body.Append(Para(data.FormName, 28, align: JustificationValues.Left));

            var table = PartyDocument.BorderedTable();
            table.Append(new TableRow(Cell(Para("Tiêu chí", 26, bold: true)), Cell(Para("Điểm tối đa", 26, bold: true)), Cell(Para("Tự chấm", 26, bold: true)), Cell(Para("Ghi chú", 26, bold: true))));
            foreach (var s in data.Scores)
            {
                table.Append(new TableRow(
                    Cell(Para($"{s.Code} — {s.Label}", 26, align: JustificationValues.Left)),
                    Cell(Para(PartyDocument.Number(s.Max), 26)),
                    Cell(Para(s.Points is decimal p ? PartyDocument.Number(p) : "", 26)),
                    Cell(Para(s.Note ?? "", 26, align: JustificationValues.Left))));
            }

            table.Append(new TableRow(Cell(Para("Tổng cộng", 26, bold: true)), Cell(Para("100", 26)), Cell(Para(PartyDocument.Number(data.Scores.Sum(s => s.Points ?? 0)), 26, bold: true)), Cell(Para("", 26))));
            body.Append(table);
            body.Append(Para($"Tự nhận xét: {data.Summary}", 28, align: JustificationValues.Both));
            body.Append(Para($"Tự xếp loại: {data.SelfLevel ?? "—"}", 28, align: JustificationValues.Left));
            body.Append(Para($"Nhận xét, đề nghị của chi bộ: {data.CellLevel ?? "—"}. {data.CellComment}", 28, align: JustificationValues.Both));
            body.Append(Para($"Kết quả xếp loại của cấp có thẩm quyền: {data.DecisionLevel ?? "—"}", 28, bold: true, align: JustificationValues.Left));
            foreach (var line in (data.Explanation ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                body.Append(Para(line.Trim(), 26, italic: true, align: JustificationValues.Both));
            }
        });
    }

    private static TableCell Cell(params Paragraph[] paragraphs) => PartyDocument.Cell(paragraphs);

    private static Paragraph Para(string text, int halfPoints, bool bold = false, bool italic = false, JustificationValues? align = null) =>
        PartyDocument.Para(text, halfPoints, bold, italic, align: align);
}
