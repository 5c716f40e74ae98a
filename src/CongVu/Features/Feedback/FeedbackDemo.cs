using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>A year (01/01–25/11/2026) of deterministic demo feedback and desk ratings for xã Tiểu Cần, and the demo Open311 key.</summary>
internal static class FeedbackDemo
{
    public const string DemoOpen311Key = "demo-open311-key";

    private static readonly DateOnly First = new(2026, 1, 1);
    private static readonly DateOnly Last = new(2026, 11, 25);

    private static readonly (FeedbackKind Kind, int Weight, string[] Texts)[] Templates =
    [
        (FeedbackKind.PhanAnh, 40,
        [
            "Đèn đường đoạn {0} bị hỏng nhiều ngày, buổi tối đi lại nguy hiểm.",
            "Đường nhựa đoạn qua {0} có nhiều ổ gà sau mưa, đề nghị sửa chữa.",
            "Rác thải tập kết ở đầu {0} chưa được thu gom đúng lịch, bốc mùi.",
            "Cống thoát nước ở {0} bị nghẹt, nước tràn vào nhà dân khi triều cường.",
            "Có cơ sở xay xát ở {0} hoạt động gây ồn sau 22 giờ.",
            "Cán bộ bộ phận một cửa hẹn trả kết quả nhưng đến hẹn chưa có, phải đi lại nhiều lần.",
            "Nước sinh hoạt ở {0} yếu, có mùi phèn.",
            "Cây xanh ven đường {0} nghiêng, có nguy cơ ngã khi có gió lớn.",
        ]),
        (FeedbackKind.KienNghi, 20,
        [
            "Đề nghị bổ sung giờ tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm.",
            "Đề nghị làm cầu bê tông thay cầu khỉ ở {0}.",
            "Đề nghị hướng dẫn rõ hồ sơ chứng thực trên trang của xã.",
            "Đề nghị lắp thêm biển báo giảm tốc độ gần trường học ở {0}.",
            "Đề nghị tổ chức tiêm phòng cho gia súc tại {0}.",
        ]),
        (FeedbackKind.GopY, 20,
        [
            "Góp ý: nên niêm yết thời hạn giải quyết từng thủ tục ngay tại quầy.",
            "Góp ý: nên có số điện thoại đường dây nóng in trên giấy hẹn.",
            "Góp ý: ghế chờ ở bộ phận một cửa còn ít vào ngày đông người.",
            "Góp ý: thông báo lịch cắt điện, cắt nước qua loa phát thanh ấp {0} sớm hơn.",
        ]),
        (FeedbackKind.Khen, 14,
        [
            "Khen cán bộ tư pháp hướng dẫn tận tình, làm xong trong buổi sáng.",
            "Khen đội thu gom rác ấp {0} làm việc sạch sẽ, đúng giờ.",
            "Cảm ơn cán bộ một cửa đã gọi điện báo trước khi có kết quả.",
        ]),
        (FeedbackKind.KhieuNai, 4,
        [
            "Khiếu nại về việc xác định ranh giới thửa đất giáp {0}.",
        ]),
        (FeedbackKind.ToCao, 2,
        [
            "Tố cáo việc san lấp đất trái phép tại {0}.",
        ]),
    ];

    private static readonly (FeedbackOutcome Outcome, int Weight, string Answer)[] Answers =
    [
        (FeedbackOutcome.Resolved, 62, "UBND xã đã kiểm tra thực tế và khắc phục xong. Cảm ơn người dân đã phản ánh."),
        (FeedbackOutcome.PartlyResolved, 14, "Đã khắc phục một phần; phần còn lại đưa vào kế hoạch sửa chữa quý tới."),
        (FeedbackOutcome.NotUpheld, 12, "Qua kiểm tra, nội dung phản ánh không đúng thực tế; đã giải thích cho người dân."),
        (FeedbackOutcome.NotOurCompetence, 12, "Nội dung thuộc thẩm quyền cơ quan cấp tỉnh; UBND xã đã chuyển đơn và thông báo cho người dân."),
    ];

    // A 1×1 PNG stands in for the photo of the finished work.
    private static readonly byte[] EvidencePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var hash = Open311Endpoints.HashKey(DemoOpen311Key);
        if (!await db.Set<Open311Client>().AnyAsync(c => c.KeyHash == hash, ct))
        {
            db.Set<Open311Client>().Add(new Open311Client { Name = "Dùng thử (demo)", KeyHash = hash, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(ct);
        }

        var commune = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == DemoPlanBuilder.NewCommuneCode, ct);
        if (commune is not null)
        {
            await SeedDossiersAsync(services, db, commune.Id, ct);
        }

        if (commune is null || await db.Set<FeedbackItem>().IgnoreQueryFilters().AnyAsync(f => f.CommuneId == commune.Id && f.ReceivedOn < new DateOnly(2026, 11, 1), ct))
        {
            return;
        }

        var tree = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        var office = FeedbackService.OfficeOf(tree, commune.Id);
        var hamlets = tree.Children(commune.Id).Where(c => c.Kind == OrgUnitKind.Hamlet && c.IsValidOn(Last)).Select(c => c.Name).DefaultIfEmpty("ấp Cây Gòn").ToList();
        var agencies = tree.Children(commune.Id).Where(c => c.Kind == OrgUnitKind.Agency && c.IsValidOn(Last)).Select(c => c.Id).ToList();
        var officials = await db.PublicPosts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => agencies.Contains(p.OrgUnitId) && p.To == null)
            .Select(p => new { p.PersonId, p.OrgUnitId })
            .ToListAsync(ct);
        var calendar = await services.GetRequiredService<Schedules.WorkingCalendarProvider>().GetAsync(ct);
        var random = new Random(20260101);
        var codes = new HashSet<string>();

        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            // About one item a working day, with a few busier days.
            var count = random.Next(100) switch { < 30 => 0, < 80 => 1, < 95 => 2, _ => 3 };
            for (var n = 0; n < count; n++)
            {
                db.Set<FeedbackItem>().Add(MakeItem(day, random, codes, hamlets, office, commune.Id, calendar));
            }

            var ratings = random.Next(0, 4);
            for (var r = 0; r < ratings; r++)
            {
                var official = officials.Count > 0 && random.Next(3) == 0 ? officials[random.Next(officials.Count)] : null;
                var mood = random.Next(100);
                int Score() => Math.Clamp(mood < 70 ? random.Next(4, 6) : mood < 90 ? random.Next(3, 5) : random.Next(1, 4), 1, 5);
                db.Set<DeskRating>().Add(new DeskRating
                {
                    OrgUnitId = official?.OrgUnitId ?? office,
                    PersonId = official?.PersonId,
                    Desk = official is null ? "mot-cua" : null,
                    Attitude = Score(),
                    Timeliness = Score(),
                    Clarity = Score(),
                    Trips = mood < 80 ? 1 : mood < 95 ? 2 : 3,
                    On = day,
                    At = day.ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static FeedbackItem MakeItem(DateOnly day, Random random, HashSet<string> codes, List<string> hamlets, int office, int communeId, Rules.WorkingDayCalendar calendar)
    {
        var (kind, _, texts) = Pick(Templates, t => t.Weight, random);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts[random.Next(texts.Length)], hamlets[random.Next(hamlets.Count)]);
        var consulting = random.Next(10) == 0;
        var days = consulting ? 7 : 5;
        var due = calendar.AddWorkingDays(day, days);
        var receivedAt = day.ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
        string code;
        do
        {
            code = new string(Enumerable.Range(0, TrackingCode.Length).Select(_ => TrackingCode.Alphabet[random.Next(TrackingCode.Alphabet.Length)]).ToArray());
        }
        while (!codes.Add(code));

        var item = new FeedbackItem
        {
            TrackingCode = code,
            Kind = kind,
            Channel = random.Next(10) switch { < 6 => FeedbackChannel.Web, < 8 => FeedbackChannel.InPerson, < 9 => FeedbackChannel.Phone, _ => FeedbackChannel.Reception },
            CommuneId = communeId,
            OrgUnitId = office,
            SubjectKind = FeedbackSubjectKind.None,
            Text = text,
            Anonymity = FeedbackAnonymity.Anonymous,
            ReceivedAt = receivedAt,
            ReceivedOn = day,
            ConsultsOthers = consulting,
            DeadlineWorkingDays = days,
            DueOn = due,
            Status = FeedbackStatus.Received,
        };

        // Most items are answered on time; some late; a few of the older ones are still open (the overdue list).
        var roll = random.Next(100);
        var answerAfter = roll < 84 ? random.Next(1, days + 1) : roll < 94 ? days + random.Next(1, 6) : -1;
        var answeredOn = answerAfter < 0 ? (DateOnly?)null : calendar.AddWorkingDays(day, answerAfter);
        if (answeredOn is null || answeredOn > Last)
        {
            item.Status = roll % 2 == 0 ? FeedbackStatus.InProgress : FeedbackStatus.Received;
            return item;
        }

        var (outcome, _, answer) = kind == FeedbackKind.Khen
            ? (FeedbackOutcome.Resolved, 0, "Cảm ơn ông/bà đã ghi nhận; UBND xã sẽ biểu dương cán bộ.")
            : Pick(Answers, a => a.Weight, random);
        item.Status = FeedbackStatus.Answered;
        item.Outcome = outcome;
        item.AnswerText = answer;
        item.AnsweredOn = answeredOn;
        item.AnsweredAt = answeredOn.Value.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc);
        item.AnsweredBy = "Văn phòng UBND xã (dữ liệu mẫu)";
        item.ReferredTo = outcome == FeedbackOutcome.NotOurCompetence ? "Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long" : null;
        item.Thanked = kind is FeedbackKind.PhanAnh or FeedbackKind.GopY or FeedbackKind.KienNghi && outcome is FeedbackOutcome.Resolved or FeedbackOutcome.PartlyResolved;
        item.Apologised = answerAfter > days;
        if (outcome == FeedbackOutcome.Resolved)
        {
            item.EvidenceText = "Ảnh chụp hiện trường sau khi xử lý";
            item.Attachments.Add(new FeedbackAttachment { OrgUnitId = office, Role = AttachmentRole.Evidence, ContentType = "image/png", FileName = "minh-chung.png", Content = EvidencePng, UploadedAt = item.AnsweredAt.Value });
        }

        return item;
    }

    private static readonly (string Name, int Days)[] Procedures =
    [
        ("Chứng thực bản sao từ bản chính", 1),
        ("Đăng ký khai sinh", 1),
        ("Đăng ký kết hôn", 3),
        ("Xác nhận tình trạng hôn nhân", 3),
        ("Đăng ký khai tử", 1),
        ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", 15),
        ("Xác nhận hộ nghèo, hộ cận nghèo", 5),
        ("Trợ cấp xã hội hằng tháng", 10),
    ];

    /// <summary>About 600 one-stop dossiers of 2026: most returned early or on time, some late, a few still open.</summary>
    private static async Task SeedDossiersAsync(IServiceProvider services, AppDbContext db, int communeId, CancellationToken ct)
    {
        var tree = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        var office = FeedbackService.OfficeOf(tree, communeId);
        if (await db.Set<Dossier>().IgnoreQueryFilters().AnyAsync(d => d.OrgUnitId == office, ct))
        {
            return;
        }

        string[] staff = ["Công chức Tư pháp – Hộ tịch", "Công chức Địa chính", "Công chức Văn hóa – Xã hội", "Công chức Văn phòng – Thống kê"];
        var calendar = await services.GetRequiredService<Schedules.WorkingCalendarProvider>().GetAsync(ct);
        var random = new Random(20260118);
        var number = 0;
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            var count = random.Next(0, 5);
            for (var n = 0; n < count; n++)
            {
                var (name, days) = Procedures[random.Next(Procedures.Length)];
                var due = calendar.AddWorkingDays(day, days);
                var roll = random.Next(100);
                var returnedAfter = roll < 35 ? Math.Max(0, days - 1 - random.Next(days)) : roll < 90 ? days : roll < 97 ? days + random.Next(1, 4) : -1;
                var returned = returnedAfter < 0 ? (DateOnly?)null : calendar.AddWorkingDays(day, returnedAfter);
                number++;
                db.Set<Dossier>().Add(new Dossier
                {
                    OrgUnitId = office,
                    Code = $"H60.26-{day:yyMMdd}-{number:0000}",
                    Procedure = name,
                    ReceivedOn = day,
                    DueOn = due,
                    ReturnedOn = returned > Last ? null : returned,
                    Official = staff[Array.FindIndex(Procedures, p => p.Name == name) % staff.Length],
                    ImportedAt = new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static T Pick<T>(IReadOnlyList<T> options, Func<T, int> weight, Random random)
    {
        var total = options.Sum(weight);
        var roll = random.Next(total);
        foreach (var o in options)
        {
            roll -= weight(o);
            if (roll < 0)
            {
                return o;
            }
        }

        return options[^1];
    }
}
