using Microsoft.AspNetCore.Mvc;
using Shipping.Contracts;

namespace Shipping.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : BrandedPageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Prepare(status);

    public void OnPost(int? status) => Prepare(status);

    private void Prepare(int? status)
    {
        Status = status ?? 500;
        Chrome = new Chrome(null, BrandSettings.Default("shipping") with { Name = "Shipping" }, ChooseLanguage(null, null, BrandSettings.Default("shipping")), "/error");
    }
}
