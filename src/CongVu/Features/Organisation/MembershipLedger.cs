namespace CongVu.Features.Organisation;

/// <summary>
/// The rules for changing a party membership: each change closes the open period the day before and
/// opens a new one, so the history stays complete and the roll on any day can be counted.
/// Pure: no I/O. Messages are Vietnamese, shown to the clerk as they are.
/// </summary>
public static class MembershipLedger
{
    public static PartyMembership Admit(
        Person person,
        int cellId,
        string? cardNumber,
        DateOnly admittedOn,
        MemberClass memberClass,
        DateOnly? officialOn,
        MemberStatus status,
        DateOnly statusSince,
        string? statusReason,
        MembershipChange change,
        DateTime at,
        string? by)
    {
        var m = new PartyMembership
        {
            Person = person,
            OrgUnitId = cellId,
            CardNumber = string.IsNullOrWhiteSpace(cardNumber) ? null : cardNumber.Trim(),
            AdmittedOn = admittedOn,
            OfficialOn = officialOn,
            Class = memberClass,
            Status = status,
            StatusSince = statusSince,
            StatusReason = statusReason,
        };
        m.Periods.Add(new MembershipPeriod
        {
            Membership = m,
            OrgUnitId = cellId,
            Class = memberClass,
            Status = status,
            From = statusSince < admittedOn ? admittedOn : statusSince,
            Change = change,
            Reason = statusReason,
            RecordedAt = at,
            RecordedBy = by,
        });
        return m;
    }

    /// <summary>Checks and applies one change; returns a Vietnamese error, or null when applied.</summary>
    public static string? Apply(PartyMembership m, MembershipChange change, DateOnly day, int? toCellId, string? reason, DateTime at, string? by)
    {
        var open = m.Periods.Where(p => p.To is null).OrderByDescending(p => p.From).FirstOrDefault();
        if (open is null)
        {
            return "Hồ sơ đảng viên không có giai đoạn đang mở; không thể ghi thay đổi.";
        }

        if (!PartyMembership.IsOnRoll(m.Status))
        {
            return "Đảng viên đã chuyển đi, từ trần hoặc bị khai trừ: không thể ghi thêm thay đổi.";
        }

        if (day <= open.From)
        {
            return $"Ngày thay đổi phải sau ngày {open.From:dd/MM/yyyy} (lần thay đổi gần nhất).";
        }

        var needsReason = change is MembershipChange.Exempted or MembershipChange.Suspended or MembershipChange.TransferredOut or MembershipChange.Expelled;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            return "Cần ghi lý do cho thay đổi này.";
        }

        var cell = open.OrgUnitId;
        var cls = m.Class;
        var status = m.Status;
        switch (change)
        {
            case MembershipChange.Exempted:
                if (status != MemberStatus.Active)
                {
                    return "Chỉ đảng viên đang sinh hoạt mới được miễn sinh hoạt.";
                }

                status = MemberStatus.ExemptFromActivities;
                break;
            case MembershipChange.Suspended:
                if (status == MemberStatus.Suspended)
                {
                    return "Đảng viên đang bị đình chỉ sinh hoạt.";
                }

                status = MemberStatus.Suspended;
                break;
            case MembershipChange.Reinstated:
                if (status == MemberStatus.Active)
                {
                    return "Đảng viên đang sinh hoạt bình thường.";
                }

                status = MemberStatus.Active;
                break;
            case MembershipChange.MadeOfficial:
                if (cls == MemberClass.Official)
                {
                    return "Đảng viên đã là đảng viên chính thức.";
                }

                cls = MemberClass.Official;
                m.OfficialOn = day;
                break;
            case MembershipChange.MovedCell or MembershipChange.Merger or MembershipChange.TransferredIn:
                if (toCellId is null || toCellId == cell)
                {
                    return "Chọn chi bộ chuyển đến (khác chi bộ hiện tại).";
                }

                cell = toCellId.Value;
                break;
            case MembershipChange.TransferredOut:
                status = MemberStatus.TransferredOut;
                break;
            case MembershipChange.Deceased:
                status = MemberStatus.Deceased;
                break;
            case MembershipChange.Expelled:
                status = MemberStatus.Expelled;
                break;
            default:
                return "Loại thay đổi không hợp lệ.";
        }

        open.To = day.AddDays(-1);
        m.Periods.Add(new MembershipPeriod
        {
            MembershipId = m.Id,
            Membership = m,
            OrgUnitId = cell,
            Class = cls,
            Status = status,
            From = day,
            Change = change,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RecordedAt = at,
            RecordedBy = by,
        });
        m.OrgUnitId = cell;
        m.Class = cls;
        m.Status = status;
        m.StatusSince = day;
        m.StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (m.Person is not null)
        {
            m.Person.OrgUnitId = cell;
        }

        return null;
    }
}
