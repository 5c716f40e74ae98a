using System.Globalization;
using System.Text;
using CongVu.Features.Organisation.Demo;

namespace CongVu.Bench.Data;

/// <summary>One generated registry row, kept parsed so the raw baseline inserts exactly what the file says.</summary>
public sealed record RegistryRecord(
    string FullName, DateOnly BirthDate, bool Female, string Ethnicity, string Phone, string Address, string CellCode,
    string CardNumber, DateOnly AdmittedOn, DateOnly? OfficialOn, bool Exempt, DateOnly? ExemptSince, string? Reason);

/// <summary>A deterministic registry file (the columns of /staff/import/mau) for the demo commune's current cells.</summary>
public static class RegistryCsv
{
    public const int BaseRows = 20_000;

    /// <summary>Every date stays before this day, so the import's "not in the future" check never depends on the clock.</summary>
    private static readonly DateOnly LastDay = new(2026, 6, 30);

    /// <summary>The current cells of xã Tiểu Cần, read from the demo plan (the codes DemoPlanBuilder gives them).</summary>
    public static IReadOnlyList<string> DemoCellCodes()
    {
        var plan = DemoPlanBuilder.Build();
        var committee = plan.Unit(DemoPlanBuilder.NewCommitteeCode);
        return plan.Units
            .Where(u => u.ParentId == committee.Id && u.Kind == CongVu.Features.Organisation.OrgUnitKind.PartyCell && u.ValidTo is null)
            .Select(u => u.Code)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static List<RegistryRecord> Generate(int rows, int seed, IReadOnlyList<string> cellCodes)
    {
        var rng = new Random(seed);
        var list = new List<RegistryRecord>(rows);
        for (var i = 0; i < rows; i++)
        {
            var (name, female) = Names.Person(rng);
            var birth = new DateOnly(1945, 1, 1).AddDays(rng.Next(0, 365 * 58));
            var earliest = birth.AddYears(18);
            var span = Math.Max(1, LastDay.DayNumber - earliest.DayNumber - 400);
            var admitted = earliest.AddDays(rng.Next(0, Math.Min(span, 365 * 30)));
            DateOnly? official = admitted.AddYears(1).AddDays(rng.Next(0, 60)) is var o && o < LastDay ? o : null;
            var exempt = official is not null && rng.NextDouble() < 0.15;
            DateOnly? since = null;
            if (exempt)
            {
                var from = official!.Value.AddDays(1);
                since = from.AddDays(rng.Next(0, Math.Max(1, LastDay.DayNumber - from.DayNumber)));
            }

            list.Add(new RegistryRecord(
                name, birth, female, Names.Ethnicity(rng),
                "09" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                "Ấp " + Names.Place(rng.Next(0, 40)) + " - xã Tiểu Cần",
                cellCodes[rng.Next(cellCodes.Count)],
                // 12 digits: the demo's cards have at most 9, so the file never collides with the seeded registry.
                "79" + (seed % 100).ToString("D2", CultureInfo.InvariantCulture) + i.ToString("D8", CultureInfo.InvariantCulture),
                admitted, official, exempt, since, exempt ? "Tuổi cao, sức yếu" : null));
        }

        return list;
    }

    public static byte[] ToCsv(IEnumerable<RegistryRecord> rows)
    {
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
        var sb = new StringBuilder();
        sb.Append("Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số điện thoại,Địa chỉ,Chi bộ,Số thẻ đảng viên,Ngày vào Đảng,Ngày chính thức,Trạng thái,Ngày miễn sinh hoạt,Lý do\r\n");
        foreach (var r in rows)
        {
            sb.Append(r.FullName).Append(',').Append(D(r.BirthDate)).Append(',').Append(r.Female ? "Nữ" : "Nam").Append(',')
                .Append(r.Ethnicity).Append(',').Append(r.Phone).Append(',').Append(r.Address).Append(',').Append(r.CellCode).Append(',')
                .Append(r.CardNumber).Append(',').Append(D(r.AdmittedOn)).Append(',').Append(D(r.OfficialOn)).Append(',')
                .Append(r.Exempt ? "Miễn sinh hoạt" : "Đang sinh hoạt").Append(',').Append(D(r.ExemptSince)).Append(',')
                .Append(r.Reason ?? string.Empty).Append("\r\n");
        }

        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }
    /// <summary>The same rows as an .xlsx workbook, written by the app's own registry writer (the template's columns).</summary>
    public static byte[] ToXlsx(IEnumerable<RegistryRecord> rows)
    {
        static string? D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var header = CongVu.Features.Organisation.Import.RegistryWorkbookWriter.HeaderRow();
        var all = new List<IReadOnlyList<string?>> { header };
        foreach (var r in rows)
        {
            // RegistryColumns.All order: name, birth, gender, ethnicity, phone, address, cell, card, admitted, official, status, since, reason, post, agency.
            all.Add([
                r.FullName, D(r.BirthDate), r.Female ? "Nữ" : "Nam", r.Ethnicity, r.Phone, r.Address, r.CellCode, r.CardNumber,
                D(r.AdmittedOn), D(r.OfficialOn), r.Exempt ? "Miễn sinh hoạt" : "Đang sinh hoạt", D(r.ExemptSince), r.Reason, null, null,
            ]);
        }

        using var ms = new MemoryStream();
        CongVu.Features.Organisation.Import.RegistryWorkbookWriter.Write(ms, "Dang vien", all);
        return ms.ToArray();
    }
}
