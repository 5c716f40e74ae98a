using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CongVu.Features.Organisation.People;

/// <summary>The person fields of the new and edit forms; dates are typed as a clerk writes them (dd/mm/yyyy).</summary>
public sealed class PersonInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.FullName")]
    public string? FullName { get; set; }

    [StringLength(10, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.BirthDate")]
    public string? BirthDate { get; set; }

    [Display(Name = "Person.Gender")]
    public Gender Gender { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.Ethnicity")]
    public string? Ethnicity { get; set; }

    [StringLength(30, ErrorMessage = "Validation.TooLong")]
    [Phone(ErrorMessage = "Validation.Phone")]
    [Display(Name = "Person.Phone")]
    public string? Phone { get; set; }

    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Person.Address")]
    public string? Address { get; set; }

    public DateOnly? ParsedBirthDate { get; private set; }

    public void Check(ModelStateDictionary state, DateOnly today, string prefix)
    {
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            if (!Formats.TryParseDate(BirthDate, out var d))
            {
                state.AddModelError(prefix + nameof(BirthDate), "Ngày sinh không hợp lệ: nhập theo dạng dd/mm/yyyy.");
            }
            else if (d > today || d < today.AddYears(-120))
            {
                state.AddModelError(prefix + nameof(BirthDate), "Ngày sinh nằm ngoài khoảng hợp lý.");
            }
            else
            {
                ParsedBirthDate = d;
            }
        }
    }

    public void ApplyTo(Person p)
    {
        p.FullName = FullName!.Trim();
        p.SearchName = Infrastructure.Text.VietnameseText.Fold(p.FullName);
        p.BirthDate = ParsedBirthDate;
        p.Gender = Gender;
        p.Ethnicity = Blank(Ethnicity);
        p.Phone = Blank(Phone);
        p.Address = Blank(Address);
    }

    public static PersonInput From(Person p) => new()
    {
        FullName = p.FullName,
        BirthDate = p.BirthDate is null ? null : Formats.Date(p.BirthDate),
        Gender = p.Gender,
        Ethnicity = p.Ethnicity,
        Phone = p.Phone,
        Address = p.Address,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
