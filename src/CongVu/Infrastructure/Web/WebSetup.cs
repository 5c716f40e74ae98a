using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace CongVu.Infrastructure.Web;

public static class WebSetup
{
    public static IServiceCollection AddAppWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                // Pages live with their feature (Features/<Module>/...) and declare absolute routes.
                o.RootDirectory = "/Features";
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                ModelBindingMessages.Apply(o);
                o.ModelBinderProviders.Insert(0, new LenientBooleanBinderProvider());
                // No jQuery-style keys ("a[b]") are used; their parser throws on a malformed key instead of ignoring it.
                var jquery = o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory
                    or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList();
                foreach (var f in jquery)
                {
                    o.ValueProviderFactories.Remove(f);
                }
            });
        services.AddSingleton<IHtmlLocalizerFactory, HtmlLocalizerFactory>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>());
        // Vietnamese text goes out as UTF-8, not as numeric entities: pages stay small and readable.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // Forms are small: a field over 32 KB or more than 500 fields is refused before any handler runs.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueLengthLimit = 32 * 1024;
            o.ValueCountLimit = 500;
        });
        services.AddOpenApi();
        services.AddResponseCompression(o => o.EnableForHttps = true);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = PublicPageCachePolicy.SizeLimitBytes;
            o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy());
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "congvu.af";
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    public static WebApplication UseAppWeb(this WebApplication app)
    {
        // The API answers with ProblemDetails; pages get the friendly Vietnamese error pages.
        app.UseWhen(IsApi, b =>
        {
            b.UseExceptionHandler();
            b.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), b =>
        {
            b.UseExceptionHandler("/loi/500");
            b.UseStatusCodePagesWithReExecute("/loi/{0}");
        });
        app.UseSecurityHeadersMiddleware();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only: behind TLS, browsers then refuse plain HTTP for a year.
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseRouting();
        // No endpoint means no such page: answer 404 before the fallback policy would send the visitor to sign in.
        app.Use((ctx, next) =>
        {
            if (ctx.GetEndpoint() is null)
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(ctx);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        Security.SecuritySetup.UseAccessScope(app);
        app.UseAuthorization();
        // After authentication (signed-in users are never served a cached page) and behind the visit counter.
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsApi(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/health")
        || ctx.Request.Path.StartsWithSegments("/openapi");

    private static void UseSecurityHeadersMiddleware(this WebApplication app) => Security.SecuritySetup.UseSecurityHeaders(app);

    public static WebApplication MapAppWeb(this WebApplication app)
    {
        // Static files as endpoints from the build's manifest: fingerprinted names cached for a year, and the .br/.gz
        // variants compressed once at build time instead of per request. Anyone may fetch them (the fallback policy asks for sign-in).
        app.MapStaticAssets().AllowAnonymous();
        // asp-append-version then takes each file's fingerprint from the same manifest instead of hashing it at run time.
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
                await CanQueryAsync(db, ct)
                    ? Results.Json(new HealthStatus("ok"))
                    : Results.Json(new HealthStatus("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .WithName("Health")
            .WithTags("Health");
        return app;
    }

    public sealed record HealthStatus(string Status);

    // A one-row query on the pooled connection: CanConnect opens a new read-only SQLite connection every time.
    private static async Task<bool> CanQueryAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct) == 1;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>Model-binding messages in Vietnamese (the forms' language); English pages reuse them until a second set is worth it.</summary>
internal static class ModelBindingMessages
{
    public static void Apply(MvcOptions o)
    {
        var p = o.ModelBindingMessageProvider;
        p.SetValueIsInvalidAccessor(v => $"Giá trị “{v}” không hợp lệ.");
        p.SetValueMustBeANumberAccessor(f => $"Trường {f} phải là một số.");
        p.SetValueMustNotBeNullAccessor(f => $"Trường {f} không được để trống.");
        p.SetAttemptedValueIsInvalidAccessor((v, f) => $"Giá trị “{v}” không hợp lệ cho trường {f}.");
        p.SetMissingBindRequiredValueAccessor(f => $"Thiếu giá trị cho trường {f}.");
        p.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"Giá trị “{v}” không hợp lệ.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        p.SetUnknownValueIsInvalidAccessor(f => $"Giá trị của trường {f} không hợp lệ.");
    }
}
