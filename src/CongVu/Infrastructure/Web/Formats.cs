using System.Globalization;

namespace CongVu.Infrastructure.Web;

/// <summary>Display formats: dates dd/MM/yyyy and vi-VN numbers whatever the UI language.</summary>
public static class Formats
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTime? utc) => utc is null ? "—" : Time.VietnamTime.ToLocal(utc.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString("N0", Vi);

    public static string Percent(decimal value) => value.ToString("0.##", Vi) + "%";

    public static readonly string[] DateInputFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];

    /// <summary>Reads a date as a commune clerk types it: 05/02/1970, 5/2/1970 or 1970-02-05.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
