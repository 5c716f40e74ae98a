using System.Globalization;
using CongVu.Features.Feedback.Rules;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Features.Feedback;

/// <summary>What the apology-and-new-date letter says.</summary>
public sealed record ApologyLetter(
    string IssuingBody,
    string Place,
    int Number,
    DateOnly IssuedOn,
    string DossierCode,
    string Procedure,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    DateOnly NewDueOn,
    int ExtraWorkingDays,
    string Reason);

/// <summary>
/// The apology letter with a new date for a dossier that will be late (Nghị định 118/2025/NĐ-CP, one-stop shop): sent at least
/// one working day before the due date, and the date may be reset only once. Laid out as a state document (Nghị định 30/2020/NĐ-CP).
/// </summary>
public static class DossierApology
{
    /// <summary>Type abbreviation of the letter in its number: phiếu xin lỗi.</summary>
    public const string TypeCode = "PXL";

    public const int MaxReason = 1000;

    public const int MaxExtraWorkingDays = 60;

    /// <summary>Why the date cannot be reset today, or null when it can.</summary>
    public static string? WhyNot(Dossier dossier, DateOnly today, WorkingDayCalendar calendar)
    {
        if (dossier.ReturnedOn is not null)
        {
            return "Hồ sơ đã trả kết quả.";
        }

        if (dossier.WasReset)
        {
            return "Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại lần nữa.";
        }

        return DossierTimeliness.CanResetDueDate(dossier.DueOn, today, dossier.WasReset, calendar)
            ? null
            : $"Phiếu xin lỗi phải gửi chậm nhất một ngày làm việc trước hạn trả (hạn chót gửi: {DossierTimeliness.LatestApologyDay(dossier.DueOn, calendar).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).";
    }

    /// <summary>Resets the due date once, counting the extra time in working days from the old due date; returns the refusal, or null.</summary>
    public static string? Reset(Dossier dossier, DateOnly today, int extraWorkingDays, string reason, int number, DateTime now, WorkingDayCalendar calendar)
    {
        if (WhyNot(dossier, today, calendar) is { } why)
        {
            return why;
        }

        if (extraWorkingDays is < 1 or > MaxExtraWorkingDays)
        {
            return $"Số ngày làm việc gia hạn phải từ 1 đến {MaxExtraWorkingDays}.";
        }

        reason = reason.Trim();
        if (reason.Length is 0 or > MaxReason)
        {
            return $"Vui lòng nêu lý do trễ hạn (tối đa {MaxReason} ký tự).";
        }

        dossier.OriginalDueOn = dossier.DueOn;
        dossier.DueOn = calendar.AddWorkingDays(dossier.DueOn, extraWorkingDays);
        dossier.DelayReason = reason;
        dossier.DueResetAt = now;
        dossier.ApologyNumber = number;
        return null;
    }

    /// <summary>The letter's content for a dossier already reset.</summary>
    public static ApologyLetter LetterFor(Dossier dossier, string communeName, WorkingDayCalendar calendar)
    {
        var original = dossier.OriginalDueOn ?? throw new InvalidOperationException("The dossier's date was never reset.");
        var issued = DateOnly.FromDateTime(Infrastructure.Time.VietnamTime.ToLocal(dossier.DueResetAt!.Value));
        var place = communeName;
        foreach (var prefix in new[] { "Xã ", "Phường ", "Đặc khu " })
        {
            if (place.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                place = place[prefix.Length..];
            }
        }

        return new ApologyLetter("Ủy ban nhân dân " + LowerFirst(communeName), place, dossier.ApologyNumber ?? 0, issued, dossier.Code, dossier.Procedure,
            dossier.ReceivedOn, original, dossier.DueOn, calendar.WorkingDaysBetween(original, dossier.DueOn), dossier.DelayReason ?? string.Empty);
    }

    /// <summary>"Tiểu Cần, ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 padded (Nghị định 30/2020/NĐ-CP, Phụ lục I).</summary>
    public static string PlaceDate(string place, DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    public static string NumberLine(int number) => string.Create(CultureInfo.InvariantCulture, $"Số: {number}/{TypeCode}-UBND");

    public static byte[] Docx(ApologyLetter l)
    {
        static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddDefaults(main);

            // Header: the issuing body and number on the left, the national title and place-date on the right.
            var header = new Table(
                new TableProperties(
                    // The schema's order: width, borders (top, left, bottom, right, inside), then layout.
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                        new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = "3600" }, new GridColumn { Width = "5760" }),
                new TableRow(
                    Cell(3600,
                        Para(l.IssuingBody.ToUpperInvariant(), 26, bold: true, center: true, ruleBelow: true),
                        Para(NumberLine(l.Number), 26, center: true)),
                    Cell(5760,
                        Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, bold: true, center: true),
                        Para("Độc lập - Tự do - Hạnh phúc", 28, bold: true, center: true, ruleBelow: true),
                        Para(PlaceDate(l.Place, l.IssuedOn), 28, italic: true, center: true))));
            body.Append(header);
            body.Append(Para(string.Empty, 28));
            body.Append(Para("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", 28, bold: true, center: true));
            body.Append(Para(string.Empty, 28));
            body.Append(Para($"Kính gửi: Ông/Bà có hồ sơ số {l.DossierCode}.", 28, center: true));
            body.Append(Para($"Ngày {D(l.ReceivedOn)}, {l.IssuingBody} tiếp nhận hồ sơ số {l.DossierCode} về thủ tục {l.Procedure}.", 28, justify: true));
            body.Append(Para($"Thời hạn trả kết quả theo giấy tiếp nhận hồ sơ và hẹn trả kết quả: ngày {D(l.DueOn)}.", 28, justify: true));
            body.Append(Para($"Tuy nhiên, hồ sơ không thể giải quyết đúng hạn. Lý do: {l.Reason}", 28, justify: true));
            body.Append(Para($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {l.IssuingBody} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào ngày {D(l.NewDueOn)} (thêm {l.ExtraWorkingDays} ngày làm việc).", 28, justify: true));
            body.Append(Para("Ông/Bà được hẹn lại ngày trả kết quả một lần. Trân trọng./.", 28, justify: true));
            body.Append(Para(string.Empty, 28));
            var signature = new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = "4680" }, new GridColumn { Width = "4680" }),
                new TableRow(
                    Cell(4680,
                        Para("Nơi nhận:", 24, bold: true, italic: true),
                        Para("- Như trên;", 22),
                        Para("- Lưu: VT, BPMC.", 22)),
                    Cell(4680,
                        Para("TM. ỦY BAN NHÂN DÂN", 28, bold: true, center: true),
                        Para("CHỦ TỊCH", 28, bold: true, center: true))));
            body.Append(signature);
            // A4 with the usual margins of state documents: top/bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static void AddDefaults(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Para(string text, int halfPoints, bool bold = false, bool italic = false, bool center = false, bool justify = false, bool ruleBelow = false)
    {
        var props = new ParagraphProperties();
        if (ruleBelow)
        {
            props.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U }));
        }

        if (center || justify)
        {
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }

        var run = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(props, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..];
}
