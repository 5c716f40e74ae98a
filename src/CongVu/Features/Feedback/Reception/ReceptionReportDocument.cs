using System.Globalization;
using CongVu.Infrastructure.Documents;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Features.Feedback.Reception;

/// <summary>The commune's report on citizen reception for a period, in the Party document format (Hướng dẫn 36-HD/VPTW).</summary>
public static class ReceptionReportDocument
{
    public static byte[] Build(ReceptionReport r, string superiorBody, string issuingBody, string place, DateOnly date, Func<FeedbackKind, string> kindName)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(kindName);
        return PartyDocument.Build(body =>
        {
            body.Append(PartyDocument.Header(superiorBody, issuingBody, place, date, "Số      -BC/ĐU"));
            body.Append(Para(string.Empty));
            body.Append(PartyDocument.Para("BÁO CÁO", 32, bold: true));
            body.Append(PartyDocument.Para($"Kết quả công tác tiếp công dân {r.Period.Label}", 28, bold: true));
            body.Append(PartyDocument.Para("-----", 28));

            body.Append(Heading("I. TÌNH HÌNH TIẾP CÔNG DÂN"));
            body.Append(Para($"Tổng số buổi tiếp công dân: {r.SessionsHeld} buổi (trong đó đột xuất: {r.UnscheduledSessions} buổi); số lượt công dân được tiếp: {r.Citizens} lượt."));
            body.Append(Para($"- Chủ tịch UBND xã tiếp định kỳ: {r.ChairDaysHeld} ngày / {r.ChairDaysRequired} ngày theo quy định (ít nhất 01 ngày mỗi tuần, Luật Tiếp công dân 2013, Điều 15)."));
            body.Append(Para($"- Bí thư Đảng ủy xã tiếp: {r.SecretaryDaysHeld} ngày / {r.SecretaryDaysRequired} ngày theo quy định (ít nhất 02 ngày mỗi tháng, Quy định 11-QĐi/TW)."));
            body.Append(Para($"- Cán bộ khác được ủy quyền tiếp: {r.OtherSessions} buổi."));

            body.Append(Heading("II. VIỆC THỰC HIỆN LỊCH TIẾP CÔNG DÂN"));
            if (r.ChairWeeksMissed.Count == 0 && r.SecretaryMonthsMissed.Count == 0)
            {
                body.Append(Para("Thực hiện đầy đủ lịch tiếp công dân định kỳ theo quy định."));
            }

            foreach (var w in r.ChairWeeksMissed)
            {
                body.Append(Para($"- Tuần từ {D(w.From)} đến {D(w.To)}: Chủ tịch UBND xã chưa tiếp công dân."));
            }

            foreach (var m in r.SecretaryMonthsMissed)
            {
                body.Append(Para(string.Create(CultureInfo.InvariantCulture, $"- Tháng {m.From:MM/yyyy}: Bí thư Đảng ủy xã tiếp {m.Held}/{m.Required} ngày.")));
            }

            body.Append(Heading("III. PHÂN LOẠI VỤ VIỆC VÀ KẾT QUẢ XỬ LÝ"));
            var total = r.ItemsByKind.Sum(k => k.Count);
            body.Append(Para($"Tổng số vụ việc tiếp nhận qua tiếp công dân: {total} vụ việc, gồm:"));
            foreach (var (kind, count) in r.ItemsByKind)
            {
                body.Append(Para($"- {kindName(kind)}: {count} vụ việc."));
            }

            body.Append(Para($"Đã giải quyết, trả lời: {r.Resolved} vụ việc; đang giải quyết: {r.InProgress} vụ việc."));
            body.Append(Para(string.Empty));
            body.Append(PartyDocument.Para("T/M ĐẢNG ỦY", 28, bold: true, align: JustificationValues.Right));
        });
    }

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Paragraph Heading(string text) => PartyDocument.Para(text, 28, bold: true, align: JustificationValues.Left);

    private static Paragraph Para(string text) => PartyDocument.Para(text, 28, align: JustificationValues.Both);
}
