using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CongVu.Features.Pledges;

/// <summary>The pledge form: "làm theo Bác" commitments, the model joined, and up to five items tied to criteria.</summary>
public sealed class PledgeInput
{
    public const int ItemRows = 5;

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Pledges.FollowUncleHo")]
    public string? FollowUncleHo { get; set; }

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Pledges.Model")]
    public string? Model { get; set; }

    public List<ItemInput> Items { get; set; } = [];

    public sealed class ItemInput
    {
        [StringLength(20)]
        public string? CriterionCode { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? Commitment { get; set; }

        public PledgeOutcome Outcome { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? OutcomeNote { get; set; }
    }

    public static PledgeInput From(Pledge? p)
    {
        var input = new PledgeInput { FollowUncleHo = p?.FollowUncleHo, Model = p?.Model };
        foreach (var i in p?.Items.OrderBy(i => i.SortOrder) ?? Enumerable.Empty<PledgeItem>())
        {
            input.Items.Add(new ItemInput { CriterionCode = i.CriterionCode, Commitment = i.Commitment, Outcome = i.Outcome, OutcomeNote = i.OutcomeNote });
        }

        while (input.Items.Count < ItemRows)
        {
            input.Items.Add(new ItemInput());
        }

        return input;
    }

    /// <summary>Checks what a submitted pledge needs; errors go to the model state in Vietnamese.</summary>
    public bool Validate(ModelStateDictionary state, ISet<string> criterionCodes, bool submitting)
    {
        var filled = Items.Where(i => !string.IsNullOrWhiteSpace(i.Commitment)).ToList();
        foreach (var (item, index) in Items.Select((x, n) => (x, n)))
        {
            if (!string.IsNullOrEmpty(item.CriterionCode) && !criterionCodes.Contains(item.CriterionCode))
            {
                state.AddModelError($"Input.Items[{index}].CriterionCode", "Tiêu chí không có trong bộ quy tắc của năm.");
            }
        }

        if (submitting && filled.Count == 0)
        {
            state.AddModelError("Input.Items[0].Commitment", "Nhập ít nhất một nội dung cam kết trước khi nộp.");
        }

        if (submitting && string.IsNullOrWhiteSpace(FollowUncleHo))
        {
            state.AddModelError("Input.FollowUncleHo", "Nhập nội dung học tập và làm theo Bác trước khi nộp.");
        }

        return state.IsValid;
    }

    public void ApplyTo(Pledge p)
    {
        p.FollowUncleHo = FollowUncleHo?.Trim();
        p.Model = Model?.Trim();
        p.Items.Clear();
        var order = 0;
        foreach (var i in Items.Where(i => !string.IsNullOrWhiteSpace(i.Commitment)))
        {
            p.Items.Add(new PledgeItem { CriterionCode = string.IsNullOrEmpty(i.CriterionCode) ? null : i.CriterionCode, Commitment = i.Commitment!.Trim(), SortOrder = ++order });
        }
    }
}
