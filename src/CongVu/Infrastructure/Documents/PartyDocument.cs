using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Infrastructure.Documents;

/// <summary>The Party document format shared by every DOCX CongVu prints (Hướng dẫn 36-HD/VPTW, 2018): A4, Times New Roman, the two-column header.</summary>
public static class PartyDocument
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>HD 36-HD/VPTW: "Tiểu Cần, ngày 05 tháng 02 năm 2026" — days below 10 and months 1–2 padded.</summary>
    public static string DateLine(string place, DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    /// <summary>The place a committee signs from: "Đảng bộ xã Tiểu Cần" signs as "Tiểu Cần".</summary>
    public static string PlaceOf(string committeeName) =>
        committeeName.StartsWith("Đảng bộ xã ", StringComparison.Ordinal) ? committeeName["Đảng bộ xã ".Length..] : committeeName;

    public static string Upper(string text) => text.ToUpper(Vi);

    public static string Number(decimal value) => value.ToString("0.##", Vi);

    /// <summary>Creates the package, lets the caller fill the body, then sets A4 and the default margins.</summary>
    public static byte[] Build(Action<Body> fill) => Build(fill, PageMarginsMm.Default);

    /// <summary>Creates the package, lets the caller fill the body, then sets A4 and the given margins.</summary>
    public static byte[] Build(Action<Body> fill, PageMarginsMm margins)
    {
        ArgumentNullException.ThrowIfNull(margins);
        ArgumentNullException.ThrowIfNull(fill);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);

            // HD 36-HD/VPTW: A4, margins top 20, bottom 20, left 30, right 15 mm by default (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = PageMarginsMm.Twips(margins.Top), Bottom = PageMarginsMm.Twips(margins.Bottom), Left = (uint)PageMarginsMm.Twips(margins.Left), Right = (uint)PageMarginsMm.Twips(margins.Right) }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>HD 36-HD/VPTW header: superior body (14 pt caps), issuing body (14 pt bold caps), "*", the number on the left; the Party name (15 pt bold caps, ruled) and the place-date line (14 pt italic) on the right.</summary>
    public static Table Header(string superiorBody, string issuingBody, string place, DateOnly date, string? number = null)
    {
        var left = new List<Paragraph> { Para(Upper(superiorBody), 28), Para(Upper(issuingBody), 28, bold: true), Para("*", 28) };
        if (number is not null)
        {
            left.Add(Para(number, 28));
        }

        var header = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), Grid(2));
        header.Append(new TableRow(
            Cell([.. left]),
            Cell(Para("ĐẢNG CỘNG SẢN VIỆT NAM", 30, bold: true, underline: true), Para(DateLine(place, date), 28, italic: true))));
        return header;
    }

    /// <summary>HD 36-HD/VPTW foot: "Nơi nhận" with its lines on the left; the signing authority ("T/M ĐẢNG ỦY"), the title and the signer on the right.</summary>
    public static Table Signature(IEnumerable<string> recipients, string onBehalf, string title, string? signer)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var left = new List<Paragraph> { Para("Nơi nhận:", 24, bold: true, italic: true, align: JustificationValues.Left) };
        left.AddRange(recipients.Select(r => Para(r, 22, align: JustificationValues.Left)));
        var right = new List<Paragraph> { Para(Upper(onBehalf), 28, bold: true), Para(Upper(title), 28), Para(string.Empty, 28), Para(string.Empty, 28), Para(string.Empty, 28) };
        if (!string.IsNullOrWhiteSpace(signer))
        {
            right.Add(Para(signer, 28, bold: true));
        }

        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), Grid(2));
        table.Append(new TableRow(Cell([.. left]), Cell([.. right])));
        return table;
    }

    /// <summary>A table with single borders everywhere, full width.</summary>
    public static Table BorderedTable() => BorderedTable(0);

    /// <summary>A bordered full-width table with its column grid (the schema wants w:tblGrid before the rows).</summary>
    public static Table BorderedTable(int columns) =>
        new(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.Single }, new LeftBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single }, new RightBorder { Val = BorderValues.Single }, new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })),
            Grid(columns));

    /// <summary>Equal columns over the A4 text width with the default margins (9355 twips).</summary>
    public static TableGrid Grid(int columns)
    {
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = (9355 / columns).ToString(CultureInfo.InvariantCulture) });
        }

        return grid;
    }

    public static TableCell Cell(params Paragraph[] paragraphs)
    {
        var cell = new TableCell();
        cell.Append(paragraphs);
        return cell;
    }

    /// <summary>One run of Times New Roman text; size in half-points (28 = 14 pt); centred unless told.</summary>
    public static Paragraph Para(string text, int halfPoints, bool bold = false, bool italic = false, bool underline = false, JustificationValues? align = null)
    {
        // Children in schema order (rFonts, b, i, sz, u): OpenXmlValidator rejects any other order.
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        props.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (underline)
        {
            props.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Paragraph(
            new ParagraphProperties(new Justification { Val = align ?? JustificationValues.Center }),
            new Run(props, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

/// <summary>Page margins in millimetres (HD 36-HD/VPTW default: top 20, bottom 20, left 30, right 15).</summary>
public sealed record PageMarginsMm(int Top, int Bottom, int Left, int Right)
{
    public static readonly PageMarginsMm Default = new(20, 20, 30, 15);

    public static int Twips(int mm) => (int)Math.Round(mm * 1440m / 25.4m, MidpointRounding.AwayFromZero);
}
