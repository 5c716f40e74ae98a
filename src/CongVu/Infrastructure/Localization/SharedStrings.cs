using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CongVu.Infrastructure.Localization;

/// <summary>
/// Every UI string of both languages, read once from Resources/SharedResource*.resx into frozen dictionaries.
/// ResourceManager takes a lock on every lookup and a page makes dozens of lookups: under load that lock was
/// the largest single cost of the public home (see docs/performance.md).
/// </summary>
public sealed class SharedStrings : IStringLocalizer
{
    private const string BaseName = "CongVu.Resources.SharedResource";

    private readonly FrozenDictionary<string, string> _vietnamese;

    // English with the Vietnamese text under any key English lacks, as resource fallback would give.
    private readonly FrozenDictionary<string, string> _english;

    public SharedStrings()
    {
        var resources = new ResourceManager(BaseName, typeof(SharedResource).Assembly);
        var vietnamese = Read(resources, CultureInfo.InvariantCulture);
        var english = new Dictionary<string, string>(vietnamese, StringComparer.Ordinal);
        foreach (var (key, value) in Read(resources, LocalizationSetup.English))
        {
            english[key] = value;
        }

        _vietnamese = vietnamese.ToFrozenDictionary(StringComparer.Ordinal);
        _english = english.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public LocalizedString this[string name]
    {
        get
        {
            var found = Current.TryGetValue(name, out var value);
            return new LocalizedString(name, found ? value! : name, resourceNotFound: !found, searchedLocation: BaseName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Current.TryGetValue(name, out var format);
            var value = string.Format(CultureInfo.CurrentCulture, found ? format! : name, arguments);
            return new LocalizedString(name, value, resourceNotFound: !found, searchedLocation: BaseName);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Current.Select(kv => new LocalizedString(kv.Key, kv.Value, resourceNotFound: false, searchedLocation: BaseName));

    private FrozenDictionary<string, string> Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? _english : _vietnamese;

    private static Dictionary<string, string> Read(ResourceManager resources, CultureInfo culture)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return strings;
        }

        foreach (DictionaryEntry entry in set)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                strings[key] = value;
            }
        }

        return strings;
    }
}

/// <summary>Hands out <see cref="SharedStrings"/> for the shared resource; anything else goes to the framework's factory.</summary>
public sealed class SharedStringsFactory(SharedStrings shared, IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _others = new(options, loggers);

    public IStringLocalizer Create(Type resourceSource) =>
        resourceSource == typeof(SharedResource) ? shared : _others.Create(resourceSource);

    public IStringLocalizer Create(string baseName, string location) => _others.Create(baseName, location);
}
