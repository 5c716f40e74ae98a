using System.Security.Claims;
using System.Threading.RateLimiting;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CongVu.Infrastructure.Security;

public static class SecuritySetup
{
    public const string PublicFormLimiter = "public-form";
    public const string SignInLimiter = "sign-in";

    public static IServiceCollection AddAppSecurity(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        // Keys protect sign-in cookies and encrypted contact details: they live beside the data and must be backed up with it.
        var keys = config.GetValue<string>("DataProtection:KeysDirectory") ?? "data/keys";
        services.AddDataProtection()
            .SetApplicationName("CongVu")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(keys) ? keys : Path.Combine(contentRoot, keys)));

        // Per client address and minute; configurable because a commune office may sit behind one shared address.
        var publicFormLimit = config.GetValue("RateLimits:PublicFormPerMinute", 20);
        var signInLimit = config.GetValue("RateLimits:SignInPerMinute", 30);
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.Tokens.AuthenticatorTokenProvider = TimeProviderAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimeProviderAuthenticatorTokenProvider>(TimeProviderAuthenticatorTokenProvider.Name)
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/tai-khoan/dang-nhap";
            o.LogoutPath = "/tai-khoan/dang-xuat";
            o.AccessDeniedPath = "/loi/403";
            o.Cookie.Name = "congvu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateSecurityStampWhenDueAsync;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.RegistryRead, p => p.RequireRole(Roles.Admin, Roles.Committee, Roles.CellSecretary, Roles.Overseer))
            .AddPolicy(Policies.RegistryWrite, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.UserAdmin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.NewsEdit, p => p.RequireRole(Roles.Editor, Roles.Admin));

        services.AddScoped<AccessScope>();
        services.AddSingleton(TwoFactorRequirement.From(config));
        services.AddDataRights(config);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicFormLimiter, ctx => PostsPerAddress(ctx, publicFormLimit));
            o.AddPolicy(SignInLimiter, ctx => PostsPerAddress(ctx, signInLimit));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau một phút. / Too many requests, please retry in a minute.", ct);
            };
        });
        return services;
    }

    /// <summary>Counts submissions only: reading a form is free, so an office behind one address is not locked out by page loads.</summary>
    private static RateLimitPartition<string> PostsPerAddress(HttpContext ctx, int perMinute) =>
        HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Identity's check of the security stamp, only when it is due (every 30 minutes of a cookie's life, the same
    /// test Identity makes): Identity builds its whole user-manager graph on every request just to find it is not.
    /// </summary>
    private static Task ValidateSecurityStampWhenDueAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval)
        {
            return Task.CompletedTask;
        }

        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Computes the request's access scope from the user's unit and roles, once per request.</summary>
    public static IApplicationBuilder UseAccessScope(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var user = ctx.User;
            if (user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(AppClaims.OrgUnit), out var unitId))
            {
                var scope = ctx.RequestServices.GetRequiredService<AccessScope>();
                var readsRegistry = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Committee)
                    || user.IsInRole(Roles.CellSecretary) || user.IsInRole(Roles.Overseer);
                if (readsRegistry)
                {
                    var tree = await ctx.RequestServices.GetRequiredService<OrgTree>().GetAsync(ctx.RequestAborted);
                    scope.Restrict(unitId, tree.Scope(unitId));
                }
                else
                {
                    scope.Restrict(unitId, []);
                }
            }

            if (MustEnrolFirst(ctx))
            {
                if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                else
                {
                    ctx.Response.Redirect(TwoFactorEnrolmentPath + "?batbuoc=1");
                }

                return;
            }

            await next(ctx);
        });

    public const string TwoFactorEnrolmentPath = "/tai-khoan/xac-thuc-hai-buoc";

    /// <summary>A user of a role that must use 2FA but has not enrolled reaches only the enrolment page and the anonymous pages (sign-out among them).</summary>
    private static bool MustEnrolFirst(HttpContext ctx)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == AppClaims.TwoFactor))
        {
            return false;
        }

        if (!ctx.RequestServices.GetRequiredService<TwoFactorRequirement>().AppliesTo(user))
        {
            return false;
        }

        if (ctx.Request.Path.StartsWithSegments(TwoFactorEnrolmentPath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ctx.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(ctx);
        });
}

public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.OrgUnit, user.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AppClaims.TwoFactor, "1"));
        }
        if (user.PersonId is int personId)
        {
            identity.AddClaim(new Claim(AppClaims.Person, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

/// <summary>Identity's messages in Vietnamese.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập “{userName}” đã có người dùng." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ - @." };
}
