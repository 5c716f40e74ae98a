namespace CongVu;

/// <summary>Marker for the shared resource set: Resources/SharedResource.resx (Vietnamese, neutral) and SharedResource.en.resx.</summary>
// In the root namespace so that its resources sit at Resources/SharedResource*.resx.
public sealed class SharedResource;
