using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Conduct;

/// <summary>Reference data: the 15-criterion code of Đảng bộ xã Hiếu Trung (its own wording) and the TW4 catalogue.</summary>
public static class ConductSeed
{
    public const string HieuTrungCode = "3k3d3n3c3ch-2020";

    private static readonly (string Code, string Name, string English, (string Text, string Gloss)[] Items)[] Groups =
    [
        ("3K", "3 không", "3 do-nots",
        [
            ("Không gây phiền hà, sách nhiễu nhân dân", "Do not harass or trouble citizens"),
            ("Không thờ ơ, lãnh đạm trước bức xúc của nhân dân", "Do not be indifferent to citizens' grievances"),
            ("Không nhận, đưa hối lộ dưới bất cứ hình thức nào", "Do not take or give bribes in any form"),
        ]),
        ("3D", "3 đúng", "3 be-corrects",
        [
            ("Đúng nội quy, quy chế làm việc của cơ quan, quy chế văn hóa công sở, quy chế thực hiện dân chủ cơ quan", "Follow the office's rules, office culture and workplace democracy rules"),
            ("Đúng quy trình, đúng hẹn trong tiếp dân, hoàn trả hồ sơ", "Follow procedure and be on time in receiving citizens and returning dossiers"),
            ("Đúng pháp luật, công tâm, khách quan khi hòa giải, tranh chấp", "Follow the law, be impartial and objective when mediating disputes"),
        ]),
        ("3N", "3 nên", "3 shoulds",
        [
            ("Nên vui vẻ khi giao tiếp với nhân dân", "Be cheerful when dealing with citizens"),
            ("Nên xin lỗi nhân dân khi làm sai", "Apologise to citizens when wrong"),
            ("Nên cảm ơn khi nhân dân góp ý", "Thank citizens for their feedback"),
        ]),
        ("3C", "3 cần", "3 musts",
        [
            ("Cần phải gần dân, trọng dân", "Be close to and respect the people"),
            ("Cần có trách nhiệm với nhân dân", "Be responsible to the people"),
            ("Cần phải hiểu dân, học dân, nghe dân nói, nói dân nghe, làm dân tin", "Understand the people, learn from them, listen to them, explain to them, earn their trust"),
        ]),
        ("3CH", "3 chống", "3 fight-againsts",
        [
            ("Chống chủ nghĩa cá nhân, cục bộ địa phương, thiếu trung thực", "Fight individualism, localism and dishonesty"),
            ("Chống biểu hiện tham vọng chức quyền, gia trưởng, độc đoán, trù dập", "Fight ambition for power, patriarchal and authoritarian behaviour, suppression of critics"),
            ("Chống đùn đẩy trách nhiệm, chia rẽ, bè phái gây mất đoàn kết", "Fight shirking responsibility, division and factionalism"),
        ]),
    ];

    // NQ 04-NQ/TW (khóa XII) lists 9 manifestations in each of 3 groups; the texts below are short placeholders, flagged in data and UI.
    private static readonly (string Prefix, int Number, string Name, string Topic)[] Tw4Groups =
    [
        ("TT", 1, "Suy thoái về tư tưởng chính trị", "tư tưởng chính trị"),
        ("DD", 2, "Suy thoái về đạo đức, lối sống", "đạo đức, lối sống"),
        ("DB", 3, "Biểu hiện \"tự diễn biến\", \"tự chuyển hóa\"", "\"tự diễn biến\", \"tự chuyển hóa\""),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<ConductCode>().AnyAsync(c => c.Code == HieuTrungCode, ct))
        {
            var code = new ConductCode
            {
                Code = HieuTrungCode,
                Title = "Bộ tiêu chí \"3 không, 3 đúng, 3 nên, 3 cần, 3 chống\" trong thực thi công vụ",
                EnglishTitle = "The \"3 do-nots, 3 be-corrects, 3 shoulds, 3 musts, 3 fight-againsts\" code for public service",
                Term = "Khóa XIV, nhiệm kỳ 2020–2025",
                AdoptedBy = "Đảng bộ xã Hiếu Trung",
                ValidFrom = new DateOnly(2016, 1, 1),
            };
            var g = 0;
            foreach (var (gc, name, english, items) in Groups)
            {
                var group = new CriterionGroup { Code = gc, Name = name, EnglishName = english, SortOrder = ++g };
                for (var i = 0; i < items.Length; i++)
                {
                    group.Criteria.Add(new Criterion { Code = $"{gc}-{i + 1}", Text = items[i].Text, EnglishGloss = items[i].Gloss, SortOrder = i + 1 });
                }

                code.Groups.Add(group);
            }

            db.Add(code);
        }

        if (!await db.Set<Tw4Manifestation>().AnyAsync(ct))
        {
            var order = 0;
            foreach (var (prefix, number, name, topic) in Tw4Groups)
            {
                for (var i = 1; i <= 9; i++)
                {
                    db.Add(new Tw4Manifestation
                    {
                        Code = $"{prefix}-{i}",
                        GroupNumber = number,
                        GroupName = name,
                        Text = $"Biểu hiện {i} về {topic} (cần đối chiếu văn bản chính thức Nghị quyết 04-NQ/TW)",
                        NeedsOfficialWording = true,
                        SortOrder = ++order,
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The version in force on a day (the latest that started on or before it).</summary>
    public static Task<ConductCode?> InForceAsync(AppDbContext db, DateOnly day, CancellationToken ct) =>
        db.Set<ConductCode>().AsNoTracking()
            .Where(c => c.ValidFrom <= day && (c.ValidTo == null || c.ValidTo >= day))
            .OrderByDescending(c => c.ValidFrom)
            .Include(c => c.Groups.OrderBy(g => g.SortOrder)).ThenInclude(g => g.Criteria.OrderBy(x => x.SortOrder)).AsSplitQuery()
            .FirstOrDefaultAsync(ct);
}
