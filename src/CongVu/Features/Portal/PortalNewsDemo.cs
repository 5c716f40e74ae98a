using System.Buffers.Binary;
using System.IO.Compression;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Portal.News;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal;

/// <summary>Demo news of xã Tiểu Cần, written for the demo (facts from the seed, not its prose).</summary>
public static class PortalNewsDemo
{
    private sealed record DemoPost(string Title, string Lead, string Body, string Category, string Byline, DateTime PublishAt, NewsState State, (string Caption, (byte R, byte G, byte B) Colour)[] Photos);

    private static readonly DemoPost[] Posts =
    [
        new("Ấp Cây Gòn duy trì tuyến đường hoa trên Hương lộ 25",
            "Chi bộ ấp Cây Gòn tiếp tục vận động các hộ dân chăm sóc tuyến đường hoa, mô hình “làm theo Bác” được tỉnh và huyện biểu dương.",
            "Tuyến đường hoa dọc **Hương lộ 25** do Chi bộ ấp Cây Gòn khởi xướng nay đã thành nếp sinh hoạt chung của bà con trong ấp.\n\nMỗi tổ tự quản nhận chăm sóc một đoạn đường, thay hoa theo mùa và giữ vệ sinh hai bên lề. Đảng viên trong chi bộ đăng ký phần việc cụ thể trong bản cam kết hằng năm.\n\nNgười dân có ý kiến về tuyến đường có thể gửi qua [trang góp ý](/gop-y).",
            "Xây dựng Đảng", "Bài, ảnh: Văn phòng Đảng ủy xã", new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc), NewsState.Published,
            [("Tuyến đường hoa trên Hương lộ 25 (ảnh minh họa).", (196, 60, 90)), ("Tổ tự quản ấp Cây Gòn chăm sóc hoa (ảnh minh họa).", (60, 140, 70))]),
        new("Người dân hiến đất làm đường giao thông nông thôn",
            "Nhiều hộ dân tự nguyện hiến đất, cây trái và vật kiến trúc để mở rộng đường và nạo vét kênh nội đồng.",
            "Trong năm, bà con các ấp tiếp tục hiến đất, cây trồng để làm đường giao thông nông thôn và nạo vét các tuyến kênh như kênh 9A, kênh Ô Na.\n\nĐảng ủy xã ghi nhận sự đồng thuận của người dân là yếu tố quyết định trong xây dựng nông thôn mới nâng cao.",
            "Nông thôn mới", "Bài: Ban Tuyên giáo Đảng ủy xã", new DateTime(2026, 11, 12, 2, 0, 0, DateTimeKind.Utc), NewsState.Published, []),
        new("Triển khai bộ quy tắc ứng xử “3 không, 3 đúng, 3 nên, 3 cần, 3 chống”",
            "Cán bộ, đảng viên của xã học tập và đăng ký thực hiện 15 tiêu chí ứng xử khi phục vụ nhân dân.",
            "Bộ quy tắc gồm 5 nhóm, mỗi nhóm 3 tiêu chí, là căn cứ để chi bộ và Đảng ủy nhận xét, đánh giá trách nhiệm của từng cán bộ hằng năm.\n\nNội dung đầy đủ được công khai tại [trang quy tắc ứng xử](/quy-tac-ung-xu).",
            "Xây dựng Đảng", "Bài: Văn phòng Đảng ủy xã", new DateTime(2026, 11, 5, 1, 0, 0, DateTimeKind.Utc), NewsState.Published, []),
        new("Lịch tiếp công dân tháng 12/2026",
            "Thường trực Đảng ủy và UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở xã.",
            "Người dân có thể đến trực tiếp hoặc gửi ý kiến trước qua [trang góp ý](/gop-y); kết quả xử lý được tra cứu tại [trang tra cứu](/tra-cuu).",
            "Thông báo", "Văn phòng Đảng ủy xã", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), NewsState.Published, []),
        new("Bản nháp: tổng kết năm 2026",
            "Bài đang soạn, chưa công bố.",
            "Nội dung đang được hoàn thiện.",
            "Xây dựng Đảng", "Văn phòng Đảng ủy xã", new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc), NewsState.Draft, []),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var commune = await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == DemoPlanBuilder.NewCommuneCode, ct);
        if (commune is null)
        {
            return;
        }

        var existing = await db.Set<NewsPost>().IgnoreQueryFilters().Where(p => p.OrgUnitId == commune.Id).Select(p => p.Slug).ToListAsync(ct);
        foreach (var d in Posts)
        {
            var slug = Infrastructure.Text.VietnameseText.Slug(d.Title, 80);
            if (existing.Contains(slug))
            {
                continue;
            }

            var post = new NewsPost
            {
                OrgUnitId = commune.Id, Slug = slug, Title = d.Title, Lead = d.Lead, Body = d.Body, Category = d.Category, Byline = d.Byline,
                SearchText = NewsQueries.SearchTextOf(d.Title, d.Lead), State = d.State, PublishAt = d.PublishAt, CreatedAt = d.PublishAt, UpdatedAt = d.PublishAt,
            };
            for (var i = 0; i < d.Photos.Length; i++)
            {
                post.Photos.Add(new NewsPhoto { OrgUnitId = commune.Id, ContentType = "image/png", Data = StripedPng(320, 200, d.Photos[i].Colour), Caption = d.Photos[i].Caption, SortOrder = i + 1 });
            }

            db.Set<NewsPost>().Add(post);
            existing.Add(slug);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A small striped PNG drawn here, so the demo carries no third-party photo.</summary>
    public static byte[] StripedPng(int width, int height, (byte R, byte G, byte B) colour)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var light = ((x + y) / 20) % 2 == 0;
                raw[row + 1 + x * 3] = light ? colour.R : (byte)(colour.R / 2);
                raw[row + 2 + x * 3] = light ? colour.G : (byte)(colour.G / 2);
                raw[row + 3 + x * 3] = light ? colour.B : (byte)(colour.B / 2);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
            {
                zs.Write(raw);
            }

            Chunk(png, "IDAT", z.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    private static uint Crc32(byte[] a, byte[] b)
    {
        var c = 0xFFFFFFFFu;
        foreach (var buf in new[] { a, b })
        {
            foreach (var x in buf)
            {
                c ^= x;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
            }
        }

        return c ^ 0xFFFFFFFFu;
    }
}
