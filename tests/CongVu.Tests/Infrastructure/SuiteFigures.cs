namespace CongVu.Tests.Infrastructure;

/// <summary>Figures a suite reports (routes checked, inputs tried, kills survived): shown in the test output and, under CI, collected by .ci/run.</summary>
public static class SuiteFigures
{
    private static readonly Lock Gate = new();

    public static void Report(string suite, string figures)
    {
        var line = $"{suite}: {figures}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var file = Environment.GetEnvironmentVariable("CONGVU_FIGURES_FILE");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        var provider = TestDatabase.UsePostgres ? "postgres" : "sqlite";
        lock (Gate)
        {
            File.AppendAllText(file, $"[{provider}] {line}{Environment.NewLine}");
        }
    }
}
