using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CongVu.Infrastructure.Web;

/// <summary>
/// Binds checkboxes: "true"/"on" are ticked, anything else is not. The default binder keeps a garbage
/// value as the attempted value, and the checkbox tag helper then throws while showing the form again.
/// </summary>
public sealed class LenientBooleanBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // A checkbox posts "true" alongside its hidden "false": ticked if any value says so.
        var ticked = result.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, ticked, ticked ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }
}

public sealed class LenientBooleanBinderProvider : IModelBinderProvider
{
    private static readonly LenientBooleanBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? Binder : null;
}
