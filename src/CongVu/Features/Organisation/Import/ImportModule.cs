using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CongVu.Features.Organisation.Import;

public static class ImportModule
{
    public const string UploadPage = "/Organisation/Import/Upload";

    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        // Windows-1258 (Vietnamese ANSI CSV from older Excel) is not in .NET's default encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddSingleton<ImportJobs>();
        services.AddScoped<ImportProcessor>();
        services.AddHostedService<ImportWorker>();

        // The upload's request limits follow Import:MaxFileBytes, plus room for the form's other fields.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<ImportOptions>>((o, import) =>
            o.Conventions.AddPageApplicationModelConvention(UploadPage, page =>
            {
                var limit = import.Value.MaxFileBytes + (1024 * 1024);
                page.Filters.Add(new RequestSizeLimitAttribute(limit));
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
            }));
        return services;
    }
}
