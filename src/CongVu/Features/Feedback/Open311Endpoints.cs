using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): services are the feedback kinds a machine client may file
/// (complaints and denunciations follow their own laws and are not taken here); service_request_id is the tracking code.
/// Public listings never carry the citizen's text or contact, as on the public status page.
/// </summary>
public static class Open311Endpoints
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    private static readonly (string Code, FeedbackKind Kind, string Name, string Description)[] Services =
    [
        ("phan-anh", FeedbackKind.PhanAnh, "Phản ánh", "Phản ánh về hạ tầng, môi trường, trật tự, thái độ phục vụ của cán bộ"),
        ("kien-nghi", FeedbackKind.KienNghi, "Kiến nghị", "Kiến nghị về chính sách, thủ tục hành chính"),
        ("gop-y", FeedbackKind.GopY, "Góp ý", "Góp ý cho chính quyền xã"),
        ("khen", FeedbackKind.Khen, "Khen", "Khen cán bộ, cơ quan phục vụ tốt"),
    ];

    public static string HashKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").AllowAnonymous().RequireRateLimiting(SecuritySetup.PublicFormLimiter)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024)).ExcludeFromDescription();
        group.MapGet("/discovery.{format}", Discovery);
        group.MapGet("/services.{format}", ServiceList);
        group.MapGet("/services/{code}.{format}", ServiceDefinition);
        group.MapPost("/requests.{format}", PostRequest).DisableAntiforgery();
        group.MapGet("/requests.{format}", GetRequests);
        group.MapGet("/requests/{id}.{format}", GetRequest);
        group.MapGet("/tokens/{token}.{format}", GetToken);
        return app;
    }

    private static IResult Discovery(string format, HttpContext ctx)
    {
        var baseUrl = $"{ctx.Request.Scheme}://{ctx.Request.Host}/open311/v2/";
        var doc = Row(
            ("changeset", "2026-11-25T00:00:00+07:00"),
            ("contact", "Văn phòng UBND xã — qua trang /gop-y"),
            ("key_service", "Khóa API do quản trị viên cấp"),
            ("endpoints", new List<Dictionary<string, object?>>
            {
                Row(("specification", Specification), ("url", baseUrl), ("changeset", "2026-11-25T00:00:00+07:00"), ("type", "production"),
                    ("formats", new List<string> { "application/json", "text/xml" })),
            }));
        return Write(format, "discovery", null, doc);
    }

    private static IResult ServiceList(string format) =>
        Write(format, "services", "service", Services.Select(s => Row(
            ("service_code", s.Code), ("service_name", s.Name), ("description", s.Description), ("metadata", false),
            ("type", "realtime"), ("keywords", string.Empty), ("group", "Ý kiến người dân"))).ToList());

    private static IResult ServiceDefinition(string code, string format)
    {
        if (Services.All(s => s.Code != code))
        {
            return Error(format, 404, "service_code not found");
        }

        // No extra attributes: the common fields (description, contact) are all a kind needs.
        return Write(format, "service_definition", null, Row(("service_code", code), ("attributes", new List<Dictionary<string, object?>>())));
    }

    private static async Task<IResult> PostRequest(string format, HttpContext ctx, AppDbContext db, FeedbackService feedback, OrgTree orgTree, TimeProvider time, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return Error("json", 400, "format must be json or xml");
        }

        if (!ctx.Request.HasFormContentType)
        {
            return Error(format, 400, "the request must be form-encoded");
        }

        var form = await ctx.Request.ReadFormAsync(ct);
        var key = form["api_key"].ToString();
        var hash = HashKey(key);
        if (key.Length == 0 || !await db.Set<Open311Client>().AnyAsync(c => c.KeyHash == hash && !c.Revoked, ct))
        {
            return Error(format, 403, "api_key is missing or invalid");
        }

        var service = Services.FirstOrDefault(s => s.Code == form["service_code"].ToString());
        if (service.Code is null)
        {
            return Error(format, 400, "service_code is missing or unknown");
        }

        var description = form["description"].ToString().Trim();
        if (description.Length is 0 or > 4000)
        {
            return Error(format, 400, "description is required (at most 4000 characters)");
        }

        var tree = await orgTree.GetAsync(ct);
        var commune = await JurisdictionAsync(db, tree, form["jurisdiction_id"].ToString(), time, ct);
        if (commune is null)
        {
            return Error(format, 400, "jurisdiction_id is missing or unknown");
        }

        var first = form["first_name"].ToString().Trim();
        var last = form["last_name"].ToString().Trim();
        var phone = form["phone"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        if (first.Length + last.Length > 100 || phone.Length > 20 || email.Length > 200)
        {
            return Error(format, 400, "a contact field is too long");
        }

        var name = $"{first} {last}".Trim();
        var hasContact = name.Length > 0 || phone.Length > 0 || email.Length > 0;
        // A client that sends contact details is taken to have shown the citizen the consent text (key terms).
        var item = await feedback.FileAsync(
            new NewFeedback(service.Kind, FeedbackChannel.Open311, commune.Id, FeedbackSubjectKind.None, null, null, null, description,
                hasContact ? FeedbackAnonymity.HiddenFromOfficial : FeedbackAnonymity.Anonymous,
                hasContact ? new FeedbackContact(name.Length == 0 ? null : name, phone.Length == 0 ? null : phone, email.Length == 0 ? null : email) : null,
                hasContact),
            ct);
        return Write(format, "service_requests", "request", new List<Dictionary<string, object?>>
        {
            Row(("service_request_id", item.TrackingCode), ("token", null), ("service_notice", $"Hạn trả lời: {item.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"), ("account_id", null)),
        });
    }

    private static async Task<IResult> GetRequests(string format, HttpContext ctx, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return Error("json", 400, "format must be json or xml");
        }

        var q = ctx.Request.Query;
        var query = Public(db);
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TrackingCode.Normalize).OfType<string>().ToList();
            query = query.Where(f => list.Contains(f.TrackingCode));
        }
        else
        {
            if (q["service_code"].ToString() is { Length: > 0 } codes)
            {
                var kinds = codes.Split(',', StringSplitOptions.TrimEntries).Select(c => Services.FirstOrDefault(s => s.Code == c)).Where(s => s.Code is not null).Select(s => s.Kind).ToList();
                query = query.Where(f => kinds.Contains(f.Kind));
            }

            // Without dates the spec returns the last 90 days (the spec's default window).
            var end = ParseDate(q["end_date"]) ?? time.GetUtcNow().UtcDateTime;
            var start = ParseDate(q["start_date"]) ?? end.AddDays(-90);
            if (q["start_date"].Count > 0 && ParseDate(q["start_date"]) is null || q["end_date"].Count > 0 && ParseDate(q["end_date"]) is null)
            {
                return Error(format, 400, "start_date and end_date must be w3c date-times");
            }

            query = query.Where(f => f.ReceivedAt >= start && f.ReceivedAt <= end);
            switch (q["status"].ToString())
            {
                case "open":
                    query = query.Where(f => f.Status != FeedbackStatus.Answered);
                    break;
                case "closed":
                    query = query.Where(f => f.Status == FeedbackStatus.Answered);
                    break;
                case "" or "open,closed" or "closed,open":
                    break;
                default:
                    return Error(format, 400, "status must be open or closed");
            }
        }

        var items = await query.OrderByDescending(f => f.ReceivedAt).Take(1000).ToListAsync(ct);
        return Write(format, "service_requests", "request", await RowsAsync(db, items, ct));
    }

    private static async Task<IResult> GetRequest(string id, string format, AppDbContext db, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return Error("json", 400, "format must be json or xml");
        }

        var code = TrackingCode.Normalize(id);
        var item = code is null ? null : await Public(db).FirstOrDefaultAsync(f => f.TrackingCode == code, ct);
        return item is null ? Error(format, 404, "service_request_id not found") : Write(format, "service_requests", "request", await RowsAsync(db, [item], ct));
    }

    /// <summary>Requests get their id at once, so a token is never issued; asking for one is a 404.</summary>
    private static IResult GetToken(string token, string format) => Error(IsFormat(format) ? format : "json", 404, "token not found: service_request_id is returned directly");

    private static IQueryable<FeedbackItem> Public(AppDbContext db) =>
        db.Set<FeedbackItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => !f.Hidden && f.Kind != FeedbackKind.KhieuNai && f.Kind != FeedbackKind.ToCao);

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(AppDbContext db, List<FeedbackItem> items, CancellationToken ct)
    {
        var unitIds = items.Select(i => i.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return items.Select(f =>
        {
            var service = Services.FirstOrDefault(s => s.Kind == f.Kind);
            var closed = f.Status == FeedbackStatus.Answered;
            return Row(
                ("service_request_id", f.TrackingCode),
                ("status", closed ? "closed" : "open"),
                ("status_notes", closed ? $"{OutcomeText(f.Outcome)}: {f.AnswerText}" : f.Status == FeedbackStatus.Reopened ? "Người dân đã mở lại" : "Đang xử lý"),
                ("service_name", service.Name),
                ("service_code", service.Code),
                ("description", null),
                ("agency_responsible", units.GetValueOrDefault(f.OrgUnitId)),
                ("service_notice", null),
                ("requested_datetime", W3c(f.ReceivedAt)),
                ("updated_datetime", W3c(f.AnsweredAt ?? f.ReceivedAt)),
                // The office closes at 17:00; the deadline is the end of that working day (BLDS 2015, Điều 148).
                ("expected_datetime", f.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T17:00:00+07:00"),
                ("address", null),
                ("address_id", null),
                ("zipcode", null),
                ("lat", null),
                ("long", null),
                ("media_url", null));
        }).ToList();
    }

    private static string OutcomeText(FeedbackOutcome? o) => o switch
    {
        FeedbackOutcome.Resolved => "Đã giải quyết",
        FeedbackOutcome.PartlyResolved => "Giải quyết một phần",
        FeedbackOutcome.NotUpheld => "Không có cơ sở",
        FeedbackOutcome.NotOurCompetence => "Không thuộc thẩm quyền, đã chuyển",
        _ => "Đã trả lời",
    };

    private static async Task<OrgNode?> JurisdictionAsync(AppDbContext db, OrgTreeSnapshot tree, string code, TimeProvider time, CancellationToken ct)
    {
        if (code.Length > 0)
        {
            var node = tree.FindByCode(code);
            return node is { Kind: OrgUnitKind.Commune } && node.IsValidOn(VietnamTime.Today(time)) ? node : null;
        }

        var today = VietnamTime.Today(time);
        var current = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.Commune && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .Select(u => u.Id).Take(2).ToListAsync(ct);
        return current.Count == 1 ? tree.Find(current[0]) : null;
    }

    private static DateTime? ParseDate(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;

    private static string W3c(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static bool IsFormat(string format) => format is "json" or "xml";

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] fields)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in fields)
        {
            row[k] = v;
        }

        return row;
    }

    private static IResult Error(string format, int status, string description) =>
        Write(IsFormat(format) ? format : "json", "errors", "error", new List<Dictionary<string, object?>> { Row(("code", status), ("description", description)) }, status);

    private static IResult Write(string format, string root, string? item, object body, int status = 200)
    {
        if (!IsFormat(format))
        {
            return Error("json", 400, "format must be json or xml");
        }

        if (format == "json")
        {
            return Results.Text(JsonSerializer.Serialize(body), "application/json; charset=utf-8", Encoding.UTF8, status);
        }

        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement(root);
            if (body is List<Dictionary<string, object?>> rows)
            {
                foreach (var row in rows)
                {
                    WriteElement(xml, item!, row);
                }
            }
            else
            {
                WriteFields(xml, (Dictionary<string, object?>)body);
            }

            xml.WriteEndElement();
        }

        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static void WriteElement(XmlWriter xml, string name, Dictionary<string, object?> row)
    {
        xml.WriteStartElement(name);
        WriteFields(xml, row);
        xml.WriteEndElement();
    }

    private static void WriteFields(XmlWriter xml, Dictionary<string, object?> row)
    {
        foreach (var (k, v) in row)
        {
            switch (v)
            {
                case List<Dictionary<string, object?>> children:
                    xml.WriteStartElement(k);
                    foreach (var child in children)
                    {
                        WriteElement(xml, k.TrimEnd('s'), child);
                    }

                    xml.WriteEndElement();
                    break;
                case List<string> values:
                    xml.WriteStartElement(k);
                    foreach (var value in values)
                    {
                        xml.WriteElementString(k.TrimEnd('s'), value);
                    }

                    xml.WriteEndElement();
                    break;
                case bool b:
                    xml.WriteElementString(k, b ? "true" : "false");
                    break;
                case null:
                    xml.WriteElementString(k, string.Empty);
                    break;
                default:
                    xml.WriteElementString(k, Convert.ToString(v, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
