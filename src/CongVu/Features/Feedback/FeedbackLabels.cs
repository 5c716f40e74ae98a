namespace CongVu.Features.Feedback;

/// <summary>Resource keys for the enums shown on pages.</summary>
public static class FeedbackLabels
{
    public static string Kind(FeedbackKind k) => "Feedback.Kind." + k;

    public static string Status(FeedbackStatus s) => "Feedback.State." + s;

    public static string Outcome(FeedbackOutcome o) => "Feedback.Outcome." + o;

    public static string Channel(FeedbackChannel c) => "Feedback.Channel." + c;
}
