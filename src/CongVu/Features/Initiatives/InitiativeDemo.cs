using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CongVu.Features.Initiatives;

/// <summary>
/// Hiếu Trung's 12 typical models (screened and recognised in 2020, commended by the district and province),
/// the canals and road built with the people, donors' support to poor households, and two models of Tiểu Cần
/// after the merger. Deterministic (fixed seed) and idempotent.
/// </summary>
public static class InitiativeDemo
{
    private const string By = "Văn phòng Đảng ủy (dữ liệu mẫu)";

    private sealed record Spec(string CellCode, string Title, string Goal, string Owner, string Criteria, (string Name, string Unit, decimal Target)[] Targets, CommendationLevel Top);

    private static readonly Spec[] Typical =
    [
        new("hieu-trung-cb-ap-phu-tho-1", "Vận động nhân dân xây dựng ấp văn hóa, nông thôn mới", "Vận động nhân dân cùng xây dựng ấp đạt chuẩn văn hóa và nông thôn mới: hiến đất làm đường, giữ gìn an ninh trật tự, gia đình văn hóa.", "Bí thư Chi bộ ấp Phú Thọ 1", "3D-1,3N-2",
            [("Hộ đạt gia đình văn hóa", "%", 95), ("Hộ tham gia hiến đất, ngày công", "hộ", 120)], CommendationLevel.Province),
        new("hieu-trung-cb-ap-cay-gon", "Tuyến đường hoa trên Hương lộ 25", "Trồng và chăm sóc hoa dọc Hương lộ 25 qua ấp Cây Gòn, mỗi hộ nhận chăm sóc đoạn trước nhà.", "Bí thư Chi bộ ấp Cây Gòn", "3D-2,3C-1",
            [("Đường hoa", "km", 3), ("Hộ tham gia trồng, chăm sóc hoa", "hộ", 150)], CommendationLevel.Province),
        new("hieu-trung-cb-ap-tan-trung-kinh", "Tuyến đường sáng – xanh – sạch – đẹp", "Lắp đèn chiếu sáng, trồng cây xanh và giữ vệ sinh tuyến đường chính của ấp.", "Bí thư Chi bộ ấp Tân Trung Kinh", "3D-2",
            [("Đường sáng – xanh – sạch – đẹp", "km", 2.5m), ("Đèn chiếu sáng lắp mới", "bóng", 80)], CommendationLevel.District),
        new("hieu-trung-cb-ap-tan-trung-giong-b", "Vận động nhân dân bảo vệ môi trường", "Mỗi hộ có hố rác hoặc đăng ký thu gom rác; ra quân vệ sinh kênh mương, đường làng hằng tháng.", "Bí thư Chi bộ ấp Tân Trung Giồng B", "3D-2,3N-1",
            [("Hộ có hố rác hoặc đăng ký thu gom", "hộ", 300), ("Buổi ra quân vệ sinh", "buổi", 24)], CommendationLevel.Province),
        new("hieu-trung-cb-cong-an", "Giúp đỡ người lầm lỗi tái hòa nhập cộng đồng", "Mỗi đảng viên Công an xã nhận giúp đỡ người chấp hành xong án phạt tù: tìm việc làm, thăm hỏi, phòng ngừa tái phạm.", "Trưởng Công an xã", "3K-2,3D-3",
            [("Người được giúp đỡ", "người", 10), ("Người có việc làm ổn định", "người", 8)], CommendationLevel.District),
        new("hieu-trung-cb-y-te", "Chăm sóc sức khỏe tại nhà, giúp đỡ hộ khó khăn", "Khám, chăm sóc người già, người bệnh tại nhà; vận động giúp đỡ hộ khó khăn về sức khỏe.", "Trạm trưởng Trạm Y tế", "3D-1,3C-2",
            [("Lượt khám, chăm sóc tại nhà", "lượt", 600), ("Hộ khó khăn được giúp đỡ", "hộ", 30)], CommendationLevel.District),
        new("hieu-trung-cb-truong-tieu-hoc-hieu-trung-b", "Kế hoạch nhỏ: học sinh thu gom chai nhựa giúp bạn khó khăn", "Học sinh thu gom chai nhựa, bán lấy tiền mua tập, sách, áo cho bạn có hoàn cảnh khó khăn.", "Hiệu trưởng Trường Tiểu học Hiếu Trung B", "3D-1",
            [("Chai nhựa thu gom", "chai", 20000), ("Học sinh khó khăn được giúp đỡ", "học sinh", 40)], CommendationLevel.Province),
        new("hieu-trung-cb-ap-phu-tho-2", "Tổ tự quản tuyến đường giao thông nông thôn", "Tổ tự quản của các hộ dọc tuyến: dọn cỏ, vá ổ gà, giữ an toàn giao thông.", "Bí thư Chi bộ ấp Phú Thọ 2", "3D-2",
            [("Tuyến đường tự quản", "km", 4), ("Hộ tham gia tổ tự quản", "hộ", 90)], CommendationLevel.District),
        new("hieu-trung-cb-ap-tan-trung-giong-a", "Nuôi bò sinh sản giúp hộ nghèo thoát nghèo", "Đảng viên góp vốn mua bò giống giao hộ nghèo nuôi, bê đầu tiên chuyển cho hộ nghèo khác.", "Bí thư Chi bộ ấp Tân Trung Giồng A", "3D-1,3C-1",
            [("Bò giống trao tặng", "con", 15), ("Hộ thoát nghèo", "hộ", 10)], CommendationLevel.District),
        new("hieu-trung-cb-co-quan", "Cán bộ, công chức thân thiện, trả hồ sơ đúng hẹn", "Tiếp công dân niềm nở, hướng dẫn một lần đầy đủ, trả hồ sơ hành chính đúng hẹn.", "Bí thư Chi bộ Cơ quan", "3D-2,3K-1",
            [("Hồ sơ trả đúng hẹn", "%", 98)], CommendationLevel.District),
        new("hieu-trung-cb-truong-thcs-hieu-trung", "Tủ sách dùng chung, áo trắng tặng bạn", "Quyên góp sách giáo khoa, áo trắng cho học sinh khó khăn đầu mỗi năm học.", "Hiệu trưởng Trường THCS Hiếu Trung", "3D-1",
            [("Sách giáo khoa quyên góp", "quyển", 1500), ("Học sinh được tặng áo, sách", "học sinh", 120)], CommendationLevel.District),
        new("hieu-trung-cb-truong-mau-giao-hieu-trung", "Vườn rau sạch của bé", "Giáo viên, phụ huynh cùng trồng vườn rau sạch bổ sung bữa ăn bán trú cho trẻ.", "Hiệu trưởng Trường Mẫu giáo Hiếu Trung", "3D-1",
            [("Diện tích vườn rau", "m²", 200), ("Bữa ăn có rau sạch của vườn", "bữa", 300)], CommendationLevel.District),
    ];

    private static readonly string[] Donors =
    [
        "Nguyễn Văn Hai", "Trần Thị Lan", "Lê Văn Tám", "Thạch Sô Phol", "Phạm Văn Út", "Kiên Thị Sa Rươne", "Huỳnh Văn Bảy", "Võ Thị Mười",
        "Đặng Văn Sáu", "Sơn Thị Kim", "Ngô Văn Năm", "Dương Thị Hoa", "Lâm Văn Chín", "Trương Thị Bé", "Bùi Văn Tư", "Hồ Thị Thu",
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<AccessScope>().GrantAll();
        var db = services.GetRequiredService<AppDbContext>();
        var snap = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        if (snap.FindByCode(DemoPlanBuilder.OldCommuneCode) is not { } hieuTrung || snap.FindByCode("hieu-trung-cb-ap-cay-gon") is not { } oldCayGon)
        {
            return;
        }

        if (await db.Set<Initiative>().AnyAsync(i => i.OrgUnitId == oldCayGon.Id, ct))
        {
            return;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow().UtcDateTime;
        var rng = new Random(2020);
        var typical = new List<Initiative>();
        for (var n = 0; n < Typical.Length; n++)
        {
            var spec = Typical[n];
            if (snap.FindByCode(spec.CellCode) is not { } cell)
            {
                continue;
            }

            var initiative = TypicalModel(spec, cell.Id, n, rng);
            typical.Add(initiative);
            db.Set<Initiative>().Add(initiative);
        }

        // After the merger: Cây Gòn keeps its flower road going, and a town hamlet replicates it.
        var newCayGon = snap.FindByCode(DemoPlanBuilder.CayGonCellCode);
        var khom2 = snap.FindByCode("tieu-can-cb-khom-2");
        Initiative? keep = null;
        Initiative? replica = null;
        if (newCayGon is not null)
        {
            keep = Running(newCayGon.Id, "Giữ gìn, mở rộng tuyến đường hoa Hương lộ 25 sau sáp nhập", "Nối dài tuyến đường hoa thêm 1 km về phía xã Tiểu Cần; mỗi đảng viên nhận chăm sóc một đoạn.",
                "Bí thư Chi bộ ấp Cây Gòn", new DateOnly(2025, 9, 2), [("Đường hoa nối dài", "km", 1), ("Đảng viên nhận chăm sóc đoạn đường", "đảng viên", 30)]);
            db.Set<Initiative>().Add(keep);
        }

        if (khom2 is not null)
        {
            replica = Running(khom2.Id, "Nhân rộng mô hình tuyến đường hoa ở khóm 2", "Học tập mô hình tuyến đường hoa của Chi bộ ấp Cây Gòn: trồng hoa dọc đường nội ô khóm 2.",
                "Bí thư Chi bộ khóm 2", new DateOnly(2025, 10, 6), [("Đường hoa", "km", 1.2m)]);
            db.Set<Initiative>().Add(replica);
        }

        // A model that did not last: stopped with its reason on record.
        if (snap.FindByCode("hieu-trung-cb-truong-tieu-hoc-hieu-trung-a") is { } thA)
        {
            var stopped = new Initiative
            {
                OrgUnitId = thA.Id, OwnerName = "Hiệu trưởng Trường Tiểu học Hiếu Trung A", Title = "Câu lạc bộ tiếng Anh cuối tuần",
                Goal = "Giáo viên là đảng viên dạy miễn phí tiếng Anh cho học sinh vào sáng chủ nhật.", StartOn = new DateOnly(2018, 9, 1),
                Status = InitiativeStatus.Discontinued, ApprovedOn = new DateOnly(2018, 8, 20), EndedOn = new DateOnly(2019, 12, 31), CriterionCodes = "3D-1", CreatedAt = now, UpdatedAt = now,
            };
            stopped.Targets.Add(new InitiativeTarget { Name = "Học sinh tham gia", Unit = "học sinh", Target = 60, SortOrder = 1 });
            AddEvent(stopped, null, InitiativeStatus.Proposed, new DateOnly(2018, 8, 10), null);
            AddEvent(stopped, InitiativeStatus.Proposed, InitiativeStatus.Approved, new DateOnly(2018, 8, 20), null);
            AddEvent(stopped, InitiativeStatus.Approved, InitiativeStatus.Running, new DateOnly(2018, 9, 1), null);
            AddEvent(stopped, InitiativeStatus.Running, InitiativeStatus.Discontinued, new DateOnly(2019, 12, 31), "Giáo viên phụ trách chuyển công tác; nhà trường đưa tiếng Anh vào chương trình chính khóa.");
            db.Set<Initiative>().Add(stopped);
        }

        await db.SaveChangesAsync(ct);
        if (replica is not null)
        {
            replica.ReplicatedFromId = typical.FirstOrDefault(t => t.Title.StartsWith("Tuyến đường hoa", StringComparison.Ordinal))?.Id;
        }

        // Photos of each typical model, on its last update (drawn, so the demo carries no one's picture).
        foreach (var (initiative, n) in typical.Select((t, n) => (t, n)))
        {
            var last = initiative.Updates.OrderBy(u => u.OnDate).Last();
            if (DemoPhoto(n) is { } jpeg)
            {
                last.Photos.Add(new InitiativePhoto { InitiativeId = initiative.Id, OrgUnitId = initiative.OrgUnitId, Data = jpeg, Caption = initiative.Title + " (ảnh minh họa)" });
            }
        }

        // Commendations: every typical model by the district in 2020, the best by the province too.
        var commendations = new List<Commendation>();
        foreach (var (initiative, n) in typical.Select((t, n) => (t, n)))
        {
            var spec = Typical.Single(s => s.Title == initiative.Title);
            commendations.Add(new Commendation
            {
                OrgUnitId = initiative.OrgUnitId, InitiativeId = initiative.Id, Level = CommendationLevel.District, Form = CommendationForm.Certificate,
                DecisionNumber = $"{2841 + n}/QĐ-UBND", DecidedOn = new DateOnly(2020, 10, 16), IssuedBy = "Chủ tịch UBND huyện Tiểu Cần",
                Citation = "Mô hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2016–2020", RecordedAt = now, RecordedBy = By,
            });
            if (spec.Top == CommendationLevel.Province)
            {
                commendations.Add(new Commendation
                {
                    OrgUnitId = initiative.OrgUnitId, InitiativeId = initiative.Id, Level = CommendationLevel.Province, Form = CommendationForm.CertificateOfMerit,
                    DecisionNumber = $"{2530 + n}/QĐ-UBND", DecidedOn = new DateOnly(2020, 12, 8), IssuedBy = "Chủ tịch UBND tỉnh Trà Vinh",
                    Citation = "Có thành tích xuất sắc trong thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị giai đoạn 2016–2020", RecordedAt = now, RecordedBy = By,
                });
            }
        }

        // Two demo members commended personally (their records and reviews show it).
        var people = await db.Users.AsNoTracking().Where(u => u.UserName == DemoCommune.Accounts[2].UserName || u.UserName == DemoCommune.Accounts[3].UserName)
            .Select(u => new { u.UserName, u.PersonId }).ToListAsync(ct);
        var cayGonModel = typical.FirstOrDefault(t => t.OrgUnitId == oldCayGon.Id);
        foreach (var p in people.Where(p => p.PersonId is not null).OrderBy(p => p.UserName, StringComparer.Ordinal))
        {
            var secretary = p.UserName == DemoCommune.Accounts[2].UserName;
            var cellId = await db.Memberships.Where(m => m.PersonId == p.PersonId).Select(m => (int?)m.OrgUnitId).FirstOrDefaultAsync(ct) ?? oldCayGon.Id;
            commendations.Add(new Commendation
            {
                OrgUnitId = cellId, PersonId = p.PersonId, InitiativeId = secretary ? cayGonModel?.Id : null,
                Level = secretary ? CommendationLevel.District : CommendationLevel.PartyCommittee, Form = secretary ? CommendationForm.Certificate : CommendationForm.Praise,
                DecisionNumber = secretary ? "2870/QĐ-UBND" : "215-QĐ/ĐU", DecidedOn = secretary ? new DateOnly(2020, 10, 16) : new DateOnly(2024, 12, 20),
                IssuedBy = secretary ? "Chủ tịch UBND huyện Tiểu Cần" : "Ban Thường vụ Đảng ủy xã Hiếu Trung",
                Citation = secretary ? "Cá nhân có thành tích trong xây dựng mô hình tuyến đường hoa Hương lộ 25" : "Đảng viên tiêu biểu trong vận động nhân dân hiến đất làm đường",
                RecordedAt = now, RecordedBy = By,
            });
        }

        db.Set<Commendation>().AddRange(commendations);
        await SeedWorksAsync(db, snap, hieuTrung, rng, now, ct);
        services.GetRequiredService<AuditLog>().Record("demo.seed", "initiative", hieuTrung.Id, hieuTrung.Id,
            after: new { Initiatives = typical.Count + 3, Commendations = commendations.Count });
        await db.SaveChangesAsync(ct);
    }

    private static Initiative TypicalModel(Spec spec, int cellId, int n, Random rng)
    {
        var proposed = new DateOnly(2017, 2, 10 + n);
        var approved = new DateOnly(2017, 3, 6 + n);
        var start = new DateOnly(2017, 4, 1);
        var screened = new DateOnly(2020, 8, 12);
        var recognised = new DateOnly(2020, 9, 8);
        var i = new Initiative
        {
            OrgUnitId = cellId, OwnerName = spec.Owner, Title = spec.Title, Goal = spec.Goal, StartOn = start, Status = InitiativeStatus.Typical,
            ApprovedOn = approved, RecognisedOn = recognised, CriterionCodes = spec.Criteria, CreatedAt = At(proposed), UpdatedAt = At(recognised),
        };
        for (var t = 0; t < spec.Targets.Length; t++)
        {
            i.Targets.Add(new InitiativeTarget { Name = spec.Targets[t].Name, Unit = spec.Targets[t].Unit, Target = spec.Targets[t].Target, SortOrder = t + 1 });
        }

        AddEvent(i, null, InitiativeStatus.Proposed, proposed, null);
        AddEvent(i, InitiativeStatus.Proposed, InitiativeStatus.Approved, approved, "Phù hợp nội dung chuyên đề năm 2017 và chuẩn mực đạo đức của Đảng bộ.");
        AddEvent(i, InitiativeStatus.Approved, InitiativeStatus.Running, start, null);

        // Yearly progress, each figure cumulative: about a third, two thirds, then the target met or passed.
        var shares = new[] { 0.35m, 0.7m, 1.0m + (rng.Next(0, 15) / 100m) };
        for (var y = 0; y < 3; y++)
        {
            var update = new InitiativeUpdate
            {
                OnDate = new DateOnly(2018 + y, 6, 15), Text = y switch
                {
                    0 => "Sơ kết năm đầu: chi bộ phân công đảng viên phụ trách, nhân dân đồng tình tham gia.",
                    1 => "Tiếp tục duy trì; kết quả đạt khoảng hai phần ba chỉ tiêu đề ra.",
                    _ => "Tổng kết 2016–2020: mô hình đạt và vượt chỉ tiêu, được nhân dân ghi nhận.",
                },
                By = spec.Owner, At = At(new DateOnly(2018 + y, 6, 15)),
            };
            update.Figures.AddRange(i.Targets.Select(t => new InitiativeFigure { Target = t, Value = Math.Round(t.Target * shares[y], t.Target >= 100 ? 0 : 1) }));
            i.Updates.Add(update);
        }

        int[] points = [18 - (n % 3), 26 + (n % 4), 17, 13, 12 + (n % 3)];
        i.Screenings.Add(new InitiativeScreening
        {
            OnDate = screened, Scores = ScreeningChecklist.Join(points), Total = points.Sum(), Passed = ScreeningChecklist.Passes(points),
            Reasons = "Mô hình duy trì liên tục từ 2017, kết quả đo được, nhân dân đồng tình; đề nghị công nhận tiêu biểu.", By = "Ban Thường vụ Đảng ủy xã", At = At(screened),
        });
        AddEvent(i, InitiativeStatus.Running, InitiativeStatus.Evaluated, screened, "Thẩm định: " + points.Sum() + "/100 điểm, đạt.");
        AddEvent(i, InitiativeStatus.Evaluated, InitiativeStatus.Typical, recognised, "Quyết định số 128-QĐ/ĐU ngày 08/9/2020 của Ban Thường vụ Đảng ủy xã công nhận 12 mô hình tiêu biểu.");
        return i;
    }

    private static Initiative Running(int cellId, string title, string goal, string owner, DateOnly proposed, (string Name, string Unit, decimal Target)[] targets)
    {
        var i = new Initiative
        {
            OrgUnitId = cellId, OwnerName = owner, Title = title, Goal = goal, StartOn = proposed.AddDays(30), Status = InitiativeStatus.Running,
            ApprovedOn = proposed.AddDays(14), CriterionCodes = "3D-2", CreatedAt = At(proposed), UpdatedAt = At(proposed.AddDays(30)),
        };
        for (var t = 0; t < targets.Length; t++)
        {
            i.Targets.Add(new InitiativeTarget { Name = targets[t].Name, Unit = targets[t].Unit, Target = targets[t].Target, SortOrder = t + 1 });
        }

        AddEvent(i, null, InitiativeStatus.Proposed, proposed, null);
        AddEvent(i, InitiativeStatus.Proposed, InitiativeStatus.Approved, proposed.AddDays(14), "Đồng ý; chi bộ báo cáo tiến độ hằng quý.");
        AddEvent(i, InitiativeStatus.Approved, InitiativeStatus.Running, proposed.AddDays(30), null);
        return i;
    }

    private static void AddEvent(Initiative i, InitiativeStatus? from, InitiativeStatus to, DateOnly on, string? reason) =>
        i.Events.Add(new InitiativeEvent { From = from, To = to, OnDate = on, Reason = reason, By = By, At = At(on) });

    private static DateTime At(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), VietnamTime.Zone);

    private static async Task SeedWorksAsync(AppDbContext db, OrgTreeSnapshot snap, OrgNode commune, Random rng, DateTime now, CancellationToken ct)
    {
        int? Hamlet(string slug) => snap.FindByCode("hieu-trung-ap-" + slug)?.Id;
        var works = new (PublicWork Work, string[] Hamlets, decimal LandPrice)[]
        {
            (new PublicWork { OrgUnitId = commune.Id, HamletId = Hamlet("tan-trung-kinh"), Kind = PublicWorkKind.Canal, Name = "Nạo vét kênh 9A", Description = "Nạo vét, mở rộng kênh 9A phục vụ tưới tiêu; bờ kênh kết hợp đường đi.", Status = PublicWorkStatus.Completed, StartOn = new DateOnly(2018, 1, 15), CompletedOn = new DateOnly(2018, 5, 30), LengthMetres = 3200 },
                ["tan-trung-kinh", "tan-trung-giong-a"], 150_000m),
            (new PublicWork { OrgUnitId = commune.Id, HamletId = Hamlet("phu-tho-2"), Kind = PublicWorkKind.Canal, Name = "Nạo vét kênh Ô Na", Description = "Nạo vét kênh Ô Na, gia cố bờ kênh.", Status = PublicWorkStatus.Completed, StartOn = new DateOnly(2019, 1, 10), CompletedOn = new DateOnly(2019, 6, 20), LengthMetres = 2600 },
                ["phu-tho-1", "phu-tho-2"], 150_000m),
            (new PublicWork { OrgUnitId = commune.Id, HamletId = Hamlet("cay-gon"), Kind = PublicWorkKind.Canal, Name = "Nạo vét kênh Vàm Đình – Đại Trường – Cây Gòn", Description = "Nạo vét tuyến kênh liên ấp Vàm Đình – Đại Trường – Cây Gòn, bờ kênh làm đường giao thông.", Status = PublicWorkStatus.Completed, StartOn = new DateOnly(2020, 1, 6), CompletedOn = new DateOnly(2020, 7, 15), LengthMetres = 4100 },
                ["cay-gon", "tan-trung-giong-b"], 180_000m),
            (new PublicWork { OrgUnitId = commune.Id, HamletId = Hamlet("phu-tho-1"), Kind = PublicWorkKind.Road, Name = "Đường giao thông nông thôn ấp Phú Thọ 1 – Cây Gòn", Description = "Mở rộng đường đal lên 3,5 m, nhân dân hiến đất, cây trái và góp ngày công.", Status = PublicWorkStatus.Completed, StartOn = new DateOnly(2020, 3, 2), CompletedOn = new DateOnly(2020, 11, 30), LengthMetres = 1800 },
                ["phu-tho-1", "cay-gon"], 200_000m),
        };
        db.Set<PublicWork>().AddRange(works.Select(w => { w.Work.CreatedAt = now; w.Work.UpdatedAt = now; return w.Work; }));
        await db.SaveChangesAsync(ct);

        var donor = 0;
        foreach (var (work, hamlets, landPrice) in works)
        {
            var count = 8 + rng.Next(0, 5);
            for (var k = 0; k < count; k++)
            {
                var hamlet = Hamlet(hamlets[k % hamlets.Length]);
                var kind = (k % 4) switch { 0 => ContributionKind.Land, 1 => ContributionKind.FruitTrees, 2 => ContributionKind.Workdays, _ => k % 8 == 3 ? ContributionKind.Money : ContributionKind.Crops };
                var quantity = kind switch
                {
                    ContributionKind.Land => Q(rng, 40, 400),
                    ContributionKind.FruitTrees => Q(rng, 3, 40),
                    ContributionKind.Workdays => Q(rng, 5, 30),
                    ContributionKind.Money => Q(rng, 1, 10) * 1_000_000m,
                    _ => Q(rng, 20, 200),
                };
                var value = kind switch
                {
                    ContributionKind.Land => quantity * landPrice,
                    ContributionKind.FruitTrees => quantity * 350_000m,
                    ContributionKind.Workdays => quantity * 200_000m,
                    ContributionKind.Money => quantity,
                    _ => quantity * 25_000m,
                };
                var day = (work.StartOn ?? new DateOnly(2020, 1, 1)).AddDays(rng.Next(0, 60));
                db.Set<Contribution>().Add(new Contribution
                {
                    OrgUnitId = commune.Id, PublicWorkId = work.Id, HamletId = hamlet, DonorName = Donors[donor++ % Donors.Length],
                    PublicConsent = k % 5 == 0, Kind = kind, Quantity = quantity, Unit = Contribution.DefaultUnit(kind), EstimatedValueVnd = value, OnDate = day,
                    RecordedAt = now, RecordedBy = By,
                });
            }
        }

        // A native living in Bình Dương gives gifts to poor households: linked to the register when it has them.
        var hamletIds = snap.Children(commune.Id).Where(u => u.Kind == OrgUnitKind.Hamlet).Select(u => u.Id).ToArray();
        var poor = await db.Set<Household>().AsNoTracking().Where(h => hamletIds.Contains(h.OrgUnitId)).OrderBy(h => h.Id).Select(h => new { h.Id, h.OrgUnitId, h.HeadName }).Take(5).ToListAsync(ct);
        for (var k = 0; k < 5; k++)
        {
            var household = k < poor.Count ? poor[k] : null;
            var hamlet = household?.OrgUnitId ?? hamletIds.ElementAtOrDefault(k % Math.Max(1, hamletIds.Length));
            db.Set<Contribution>().Add(new Contribution
            {
                OrgUnitId = commune.Id, DonorName = "Ông Trần Văn Phước", DonorFrom = "Bình Dương", PublicConsent = true, Kind = k == 0 ? ContributionKind.Money : ContributionKind.Gift,
                Quantity = k == 0 ? 5_000_000m : 1, Unit = k == 0 ? "đồng" : "phần quà", EstimatedValueVnd = k == 0 ? 5_000_000m : 500_000m, OnDate = new DateOnly(2020, 1, 18),
                Note = "Quà Tết Canh Tý 2020 cho hộ nghèo", RecipientHouseholdId = household?.Id,
                RecipientDescription = household is null ? "Hộ nghèo " + (snap.Find(hamlet)?.Name.ToLowerInvariant() ?? "xã Hiếu Trung") : null,
                RecordedAt = now, RecordedBy = By,
            });
        }
    }

    private static decimal Q(Random rng, int min, int max) => rng.Next(min, max + 1);

    /// <summary>A drawn landscape (sky, field, road) in one of a few tints: a placeholder photo, no person in it.</summary>
    private static byte[]? DemoPhoto(int n)
    {
        SKColor[] fields = [new(0x4c, 0xaf, 0x50), new(0x8b, 0xc3, 0x4a), new(0x2e, 0x7d, 0x32), new(0xcd, 0xdc, 0x39)];
        using var surface = SKSurface.Create(new SKImageInfo(480, 300));
        if (surface is null)
        {
            return null;
        }

        var c = surface.Canvas;
        c.Clear(new SKColor(0x90, 0xca, 0xf9));
        using var paint = new SKPaint { IsAntialias = true, Color = fields[n % fields.Length] };
        c.DrawRect(0, 170, 480, 130, paint);
        paint.Color = new SKColor(0xff, 0xd5, 0x4f);
        c.DrawCircle(400, 60, 30, paint);
        paint.Color = new SKColor(0x9e, 0x9e, 0x9e);
        c.DrawRect(0, 230, 480, 34, paint);
        paint.Color = new SKColor(0xe9, 0x1e, 0x63);
        for (var k = 0; k < 8; k++)
        {
            c.DrawCircle(30 + (k * 60), 222, 7, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data?.ToArray();
    }
}
