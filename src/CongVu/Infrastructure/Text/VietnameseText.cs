using System.Globalization;
using System.Text;

namespace CongVu.Infrastructure.Text;

/// <summary>Folding and slugs for Vietnamese text: what search and URLs need.</summary>
public static class VietnameseText
{
    /// <summary>Lower case, diacritics removed, đ→d, runs of whitespace collapsed: "Huỳnh Văn Lý" → "huynh van ly".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // Decomposition splits tone and vowel marks off the base letter; đ has no decomposition and is mapped by hand.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var ch = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(ch);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>An ASCII slug for URLs and codes: "Chi bộ ấp Phú Thọ 1" → "chi-bo-ap-phu-tho-1".</summary>
    public static string Slug(string? text, int maxLength = 80)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var lastWasDash = true;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
                lastWasDash = false;
            }
            else if (!lastWasDash)
            {
                sb.Append('-');
                lastWasDash = true;
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }

        return slug;
    }
}
