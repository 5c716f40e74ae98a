using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CongVu.Features.Households.Pages;

/// <summary>The household form's fields as typed, checked on the server with Vietnamese messages.</summary>
public sealed class HouseholdInput
{
    public int? HamletId { get; set; }

    public string? Number { get; set; }

    public string? HeadName { get; set; }

    public string? MembersCount { get; set; }

    public string? Address { get; set; }

    public string? RegisteredOn { get; set; }

    public void Check(ModelStateDictionary state, string prefix, IReadOnlyCollection<int> hamlets, DateOnly today, out int members, out DateOnly registered)
    {
        members = 0;
        registered = default;
        if (HamletId is not int h || !hamlets.Contains(h))
        {
            state.AddModelError(prefix + nameof(HamletId), "Chọn ấp, khóm thuộc phạm vi quản lý của bạn.");
        }

        if (string.IsNullOrWhiteSpace(Number) || Number.Trim().Length > 40)
        {
            state.AddModelError(prefix + nameof(Number), "Nhập số hộ (không quá 40 ký tự).");
        }

        if (string.IsNullOrWhiteSpace(HeadName) || HeadName.Trim().Length > 200)
        {
            state.AddModelError(prefix + nameof(HeadName), "Nhập họ tên chủ hộ (không quá 200 ký tự).");
        }

        if (!int.TryParse(MembersCount, out members) || members < 1 || members > 50)
        {
            state.AddModelError(prefix + nameof(MembersCount), "Số nhân khẩu là số từ 1 đến 50.");
        }

        if (Address?.Trim().Length > 300)
        {
            state.AddModelError(prefix + nameof(Address), "Địa chỉ không quá 300 ký tự.");
        }

        if (!Formats.TryParseDate(RegisteredOn, out registered) || registered > today)
        {
            state.AddModelError(prefix + nameof(RegisteredOn), "Nhập ngày vào sổ hợp lệ (dd/mm/yyyy), không sau hôm nay.");
        }
    }
}
