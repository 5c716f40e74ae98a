using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.NewCountryside;

/// <summary>The criteria sets as reference data, and the demo commune's progress.</summary>
public static class NtmSeed
{
    public const string Commune2016 = "ntm-xa-2016-2020";
    public const string Commune2021 = "ntm-xa-2021-2025";
    public const string Advanced2021 = "ntm-nang-cao-2021-2025";
    public const string ModelHamletTraVinh = "ap-ntm-kieu-mau-tra-vinh-2021-2025";

    private const string Planning = "Quy hoạch";
    private const string Infrastructure = "Hạ tầng kinh tế - xã hội";
    private const string Economy = "Kinh tế và tổ chức sản xuất";
    private const string Society = "Văn hóa - xã hội - môi trường";
    private const string Politics = "Hệ thống chính trị";

    // Names follow the national criteria (QĐ 1980/QĐ-TTg 2016, QĐ 318/QĐ-TTg 2022) in short form; check against the decisions before relying on the wording.
    private static readonly (string Name, string Group)[] CommuneCriteria2016 =
    [
        ("Quy hoạch", Planning), ("Giao thông", Infrastructure), ("Thủy lợi", Infrastructure), ("Điện", Infrastructure),
        ("Trường học", Infrastructure), ("Cơ sở vật chất văn hóa", Infrastructure), ("Cơ sở hạ tầng thương mại nông thôn", Infrastructure),
        ("Thông tin và truyền thông", Infrastructure), ("Nhà ở dân cư", Infrastructure), ("Thu nhập", Economy), ("Hộ nghèo", Economy),
        ("Lao động có việc làm", Economy), ("Tổ chức sản xuất", Economy), ("Giáo dục và đào tạo", Society), ("Y tế", Society),
        ("Văn hóa", Society), ("Môi trường và an toàn thực phẩm", Society), ("Hệ thống chính trị và tiếp cận pháp luật", Politics),
        ("Quốc phòng và an ninh", Politics),
    ];

    private static readonly (string Name, string Group)[] CommuneCriteria2021 =
    [
        ("Quy hoạch", Planning), ("Giao thông", Infrastructure), ("Thủy lợi và phòng, chống thiên tai", Infrastructure), ("Điện", Infrastructure),
        ("Trường học", Infrastructure), ("Cơ sở vật chất văn hóa", Infrastructure), ("Cơ sở hạ tầng thương mại nông thôn", Infrastructure),
        ("Thông tin và truyền thông", Infrastructure), ("Nhà ở dân cư", Infrastructure), ("Thu nhập", Economy), ("Nghèo đa chiều", Economy),
        ("Lao động", Economy), ("Tổ chức sản xuất và phát triển kinh tế nông thôn", Economy), ("Giáo dục và đào tạo", Society), ("Y tế", Society),
        ("Văn hóa", Society), ("Môi trường và an toàn thực phẩm", Society), ("Hệ thống chính trị và tiếp cận pháp luật", Politics),
        ("Quốc phòng và an ninh", Politics),
    ];

    private static readonly (string Name, string Group)[] AdvancedCriteria2021 =
    [
        ("Quy hoạch", Planning), ("Giao thông", Infrastructure), ("Thủy lợi và phòng, chống thiên tai", Infrastructure), ("Điện", Infrastructure),
        ("Giáo dục", Society), ("Văn hóa", Society), ("Cơ sở hạ tầng thương mại nông thôn", Infrastructure), ("Thông tin và truyền thông", Infrastructure),
        ("Nhà ở dân cư", Infrastructure), ("Thu nhập", Economy), ("Nghèo đa chiều", Economy), ("Lao động", Economy),
        ("Tổ chức sản xuất và phát triển kinh tế nông thôn", Economy), ("Y tế", Society), ("Hành chính công", Politics), ("Tiếp cận pháp luật", Politics),
        ("Môi trường", Society), ("Chất lượng môi trường sống", Society), ("Quốc phòng và an ninh", Politics),
    ];

    // A plausible provincial set for model hamlets: the province sets its own (domain-rules §5); edit to the province's decision.
    private static readonly (string Name, string Group)[] ModelHamletCriteria =
    [
        ("Quy hoạch và thực hiện quy hoạch khu dân cư", Planning), ("Giao thông nội ấp sáng - xanh - sạch - đẹp", Infrastructure),
        ("Nhà ở và vườn hộ chỉnh trang", Infrastructure), ("Thu nhập bình quân đầu người cao hơn mức của xã", Economy),
        ("Tổ chức sản xuất có mô hình hiệu quả", Economy), ("Không còn hộ nghèo (trừ hộ bảo trợ xã hội)", Economy),
        ("Giáo dục và y tế", Society), ("Văn hóa, gia đình văn hóa", Society), ("Môi trường, cảnh quan, tuyến đường hoa", Society),
        ("An ninh trật tự và hệ thống chính trị ấp", Politics),
    ];

    public static async Task SeedSetsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var have = await db.Set<CriteriaSet>().Select(s => s.Code).ToListAsync(ct);
        Add(Commune2016, "Bộ tiêu chí xã nông thôn mới giai đoạn 2016–2020", CriteriaLevel.Commune, "Quyết định 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ", 2016, 2020, null, CommuneCriteria2016);
        Add(Commune2021, "Bộ tiêu chí xã nông thôn mới giai đoạn 2021–2025", CriteriaLevel.Commune, "Quyết định 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ", 2021, 2025, null, CommuneCriteria2021);
        Add(Advanced2021, "Bộ tiêu chí xã nông thôn mới nâng cao giai đoạn 2021–2025", CriteriaLevel.CommuneAdvanced, "Quyết định 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ", 2021, 2025, null, AdvancedCriteria2021);
        Add(ModelHamletTraVinh, "Bộ tiêu chí ấp nông thôn mới kiểu mẫu tỉnh Trà Vinh giai đoạn 2021–2025", CriteriaLevel.ModelHamlet, "Quyết định của UBND tỉnh Trà Vinh (bộ tiêu chí mẫu, cần đối chiếu văn bản của tỉnh)", 2021, 2025, "tra-vinh", ModelHamletCriteria);
        await db.SaveChangesAsync(ct);

        void Add(string code, string name, CriteriaLevel level, string basis, int from, int to, string? province, (string Name, string Group)[] criteria)
        {
            if (have.Contains(code))
            {
                return;
            }

            db.Set<CriteriaSet>().Add(new CriteriaSet
            {
                Code = code, Name = name, Level = level, LegalBasis = basis, FromYear = from, ToYear = to, ProvinceCode = province,
                Criteria = criteria.Select((c, i) => new Criterion { Number = i + 1, Name = c.Name, Group = c.Group }).ToList(),
            });
        }
    }

    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var snap = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        if (snap.FindByCode(DemoPlanBuilder.OldCommuneCode) is not { } commune || await db.Set<CriterionStatus>().AnyAsync(s => s.OrgUnitId == commune.Id, ct))
        {
            return;
        }

        var sets = await db.Set<CriteriaSet>().Include(s => s.Criteria).ToDictionaryAsync(s => s.Code, ct);
        var at = new DateTime(2025, 1, 15, 2, 0, 0, DateTimeKind.Utc);
        const string By = "Văn phòng Đảng ủy xã Hiếu Trung";

        // Recognised as a new-countryside commune in 2019 (the seed: "xã nông thôn mới"), kept every year since.
        foreach (var year in new[] { 2019, 2020 })
        {
            foreach (var c in sets[Commune2016].Criteria)
            {
                Status(commune.Id, c, year, CriterionState.Met, "Đạt theo kết quả thẩm định của tỉnh", "Quyết định công nhận xã đạt chuẩn nông thôn mới năm 2019 của UBND tỉnh Trà Vinh");
            }
        }

        for (var year = 2021; year <= 2024; year++)
        {
            foreach (var c in sets[Commune2021].Criteria)
            {
                Status(commune.Id, c, year, CriterionState.Met, "Duy trì, giữ vững tiêu chí", null);
            }

            // Advancing on NTM nâng cao: 9 criteria met in 2021, then 12, 15, 17.
            var met = new[] { 9, 12, 15, 17 }[year - 2021];
            foreach (var c in sets[Advanced2021].Criteria)
            {
                var state = c.Number <= met ? CriterionState.Met : c.Number <= met + 2 ? CriterionState.InProgress : CriterionState.NotMet;
                Status(commune.Id, c, year, state, state == CriterionState.Met ? "Đạt theo tự đánh giá của Ban quản lý xã" : "Đang thực hiện", null);
            }
        }

        var hamletSet = sets[ModelHamletTraVinh];
        var hamlets = new (string Code, int Met2023, int Met2024)[]
        {
            ("hieu-trung-ap-cay-gon", 7, 10),
            ("hieu-trung-ap-phu-tho-1", 6, 8),
            ("hieu-trung-ap-tan-trung-kinh", 5, 7),
        };
        foreach (var (code, met2023, met2024) in hamlets)
        {
            if (snap.FindByCode(code) is not { } hamlet)
            {
                continue;
            }

            foreach (var (year, met) in new[] { (2023, met2023), (2024, met2024) })
            {
                foreach (var c in hamletSet.Criteria)
                {
                    var state = c.Number <= met ? CriterionState.Met : c.Number == met + 1 ? CriterionState.InProgress : CriterionState.NotMet;
                    Status(hamlet.Id, c, year, state, state == CriterionState.Met ? "Đạt, có biên bản kiểm tra" : "Chưa đạt", null);
                }
            }

            db.Set<Inspection>().Add(new Inspection
            {
                OrgUnitId = hamlet.Id, CriteriaSetId = hamletSet.Id, Date = new DateOnly(2024, 10, 8), Team = "Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Tiểu Cần",
                Findings = met2024 == hamletSet.Criteria.Count ? "Ấp đạt đủ các tiêu chí ấp nông thôn mới kiểu mẫu; đề nghị xét công nhận." : $"Ấp đạt {met2024}/{hamletSet.Criteria.Count} tiêu chí; cần tập trung các tiêu chí còn lại.",
                CreatedAt = at, CreatedBy = By,
                Notes = hamletSet.Criteria.Where(c => c.Number > met2024).Select(c => new InspectionNote { CriterionId = c.Id, Note = "Chưa đạt, cần bổ sung hồ sơ và hoàn thiện." }).ToList(),
            });
        }

        if (snap.FindByCode("hieu-trung-ap-cay-gon") is { } cayGon)
        {
            db.Set<Inspection>().Add(new Inspection
            {
                OrgUnitId = cayGon.Id, CriteriaSetId = hamletSet.Id, Date = new DateOnly(2023, 9, 20), Team = "Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Tiểu Cần",
                Findings = "Tuyến đường hoa Hương lộ 25 đã hình thành; vườn hộ và thu nhập cần tiếp tục nâng lên.", CreatedAt = at, CreatedBy = By,
                Notes = [new InspectionNote { CriterionId = hamletSet.Criteria.Single(c => c.Number == 9).Id, Note = "Tuyến đường hoa trên Hương lộ 25 đạt yêu cầu." }],
            });
        }

        await db.SaveChangesAsync(ct);

        void Status(int unitId, Criterion c, int year, CriterionState state, string evidence, string? doc) =>
            db.Set<CriterionStatus>().Add(new CriterionStatus { OrgUnitId = unitId, CriterionId = c.Id, Year = year, State = state, Evidence = evidence, DocumentRef = doc, UpdatedAt = at, UpdatedBy = By });
    }
}
