using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Features.Overview;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Organisation.Import;

public class ImportCommitTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private const int Rows = 2_000;

    /// <summary>Every third row official, every fifth also exempt; cell A or B alternately; unique cards and names.</summary>
    private static byte[] Workbook(TestCommune c, int rows, Func<int, string>? cellOf = null)
    {
        var all = new List<IReadOnlyList<string?>> { RegistryWorkbookWriter.HeaderRow() };
        for (var i = 1; i <= rows; i++)
        {
            var official = i % 3 == 0;
            var exempt = official && i % 5 == 0;
            all.Add([
                $"Người Thử {c.Suffix} {i:D5}", "01/01/1970", i % 2 == 0 ? "Nữ" : "Nam", "Kinh", null, "Ấp Một",
                cellOf?.Invoke(i) ?? (i % 2 == 0 ? c.CellAName : c.CellBName), $"{c.Suffix}-{i:D5}", "01/02/1995",
                official ? "01/02/1996" : null, exempt ? "Miễn sinh hoạt" : "Đang sinh hoạt", exempt ? "01/03/2020" : null,
                exempt ? "Tuổi cao" : null, null, null,
            ]);
        }

        using var ms = new MemoryStream();
        RegistryWorkbookWriter.Write(ms, "Dang vien", all);
        return ms.ToArray();
    }

    private static int ExpectedPeriods(int rows) =>
        Enumerable.Range(1, rows).Sum(i => 1 + (i % 3 == 0 ? 1 : 0) + (i % 3 == 0 && i % 5 == 0 ? 1 : 0));

    [Fact]
    public async Task Commit_TwoThousandRows_WritesEveryMemberWithTheirPeriods_AndReimportWritesNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var bytes = Workbook(commune, Rows);
        var (id, preview) = await commune.UploadAndWaitAsync("dang-vien.xlsx", bytes);
        int communeId;
        int revision;
        await using (var scope = app.SystemScope(out var db))
        {
            // The communes overview holds a row for this commune (its background refresher may have made it already).
            communeId = (await db.OrgUnits.SingleAsync(u => u.Id == commune.CommitteeId, TestContext.Current.CancellationToken)).AdminUnitId!.Value;
            var row = await db.Set<CommuneYearFigures>().SingleOrDefaultAsync(f => f.CommuneId == communeId && f.Year == 2026, TestContext.Current.CancellationToken);
            if (row is null)
            {
                row = new CommuneYearFigures { CommuneId = communeId, Year = 2026, FiguresJson = "{}", ComputedAt = AppFactory.Start.UtcDateTime };
                db.Set<CommuneYearFigures>().Add(row);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            revision = row.Revision;
        }

        var done = await commune.CommitAsync(id, preview);

        Assert.Contains("Đã nhập 2.000 người", done.Text(), StringComparison.Ordinal);
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.SystemScope(out var db))
        {
            int[] cells = [commune.CellA, commune.CellB];
            var members = await db.Memberships.Where(m => cells.Contains(m.OrgUnitId)).ToListAsync(ct);
            Assert.Equal(Rows, members.Count);
            Assert.Equal(Rows, await db.People.CountAsync(p => cells.Contains(p.OrgUnitId), ct));
            var periods = await db.MembershipPeriods.Where(p => cells.Contains(p.OrgUnitId)).ToListAsync(ct);
            Assert.Equal(ExpectedPeriods(Rows), periods.Count);
            Assert.Equal(Rows, periods.Count(p => p.To is null));

            // Row 15: probationary from admission, official a year later, exempt since 2020, each closing the one before.
            var card = commune.Suffix + "-00015";
            var m15 = await db.Memberships.Include(m => m.Person).Include(m => m.Periods).SingleAsync(m => m.CardNumber == card, ct);
            Assert.Equal($"Người Thử {commune.Suffix} 00015", m15.Person!.FullName);
            Assert.Equal(new DateOnly(1970, 1, 1), m15.Person.BirthDate);
            Assert.Equal(Gender.Male, m15.Person.Gender);
            Assert.Equal(DateTimeKind.Utc, m15.Person.CreatedAt.Kind);
            Assert.Equal((MemberClass.Official, MemberStatus.ExemptFromActivities, new DateOnly(2020, 3, 1), "Tuổi cao"), (m15.Class, m15.Status, m15.StatusSince, m15.StatusReason));
            var history = m15.Periods.OrderBy(p => p.From).Select(p => (p.From, p.To, p.Class, p.Status)).ToArray();
            Assert.Equal(
                [
                    (new DateOnly(1995, 2, 1), (DateOnly?)new DateOnly(1996, 1, 31), MemberClass.Probationary, MemberStatus.Active),
                    (new DateOnly(1996, 2, 1), (DateOnly?)new DateOnly(2020, 2, 29), MemberClass.Official, MemberStatus.Active),
                    (new DateOnly(2020, 3, 1), (DateOnly?)null, MemberClass.Official, MemberStatus.ExemptFromActivities),
                ],
                history);

            // The rows went in past the change tracker, yet the overview's row for the commune was marked (each mark moves its revision).
            Assert.True((await db.Set<CommuneYearFigures>().SingleAsync(f => f.CommuneId == communeId && f.Year == 2026, ct)).Revision > revision);

            var batch = await db.ImportBatches.SingleAsync(b => b.Id == id, ct);
            Assert.Equal((ImportState.Imported, Rows, Rows), (batch.State, batch.ImportedRows, batch.TotalRows));
            var idText = id.ToString(CultureInfo.InvariantCulture);
            var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "import.commit" && a.EntityId == idText).ToListAsync(ct));
            Assert.Contains("\"imported\":2000", audit.After, StringComparison.Ordinal);
        }

        var (_, again) = await commune.UploadAndWaitAsync("dang-vien.xlsx", bytes);

        Assert.Contains("đã có trong hệ thống — không ghi đè", again.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(again.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Nhập ", StringComparison.Ordinal));
        Assert.Equal(Rows, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Commit_WhenARowInTheMiddleCannotBeWritten_LeavesNothingWritten()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        int doomedId;
        var doomedName = "Chi bộ ấp Ba " + commune.Suffix;
        await using (var scope = app.SystemScope(out var db))
        {
            var doomed = new OrgUnit { Kind = OrgUnitKind.PartyCell, ParentId = commune.CommitteeId, Code = "cb-ba-" + commune.Suffix, Name = doomedName, ValidFrom = new DateOnly(2000, 1, 1) };
            db.OrgUnits.Add(doomed);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            doomedId = doomed.Id;
        }

        app.Services.GetRequiredService<OrgTree>().Invalidate();
        var (id, preview) = await commune.UploadAndWaitAsync("dang-vien.xlsx", Workbook(commune, 600, i => i == 400 ? doomedName : commune.CellAName));
        Assert.Contains("Nhập 600 dòng hợp lệ", preview.Text(), StringComparison.Ordinal);

        // The cell disappears behind the cached tree's back: row 400 passes the checks but the database refuses it.
        await using (var scope = app.SystemScope(out var db))
        {
            await db.OrgUnits.Where(u => u.Id == doomedId).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var done = await commune.CommitAsync(id, preview);

        Assert.Contains(ImportProcessor.CommitFailedMessage, done.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await commune.PeopleCountAsync(app));
        await using (var scope = app.SystemScope(out var db))
        {
            var prefix = $"Người Thử {commune.Suffix}";
            Assert.Equal(0, await db.People.CountAsync(p => p.FullName.StartsWith(prefix), TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Memberships.CountAsync(m => m.OrgUnitId == commune.CellA, TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.MembershipPeriods.CountAsync(p => p.OrgUnitId == commune.CellA, TestContext.Current.CancellationToken));
            var batch = await db.ImportBatches.SingleAsync(b => b.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal((ImportState.Failed, 0), (batch.State, batch.ImportedRows));
        }

        app.Services.GetRequiredService<OrgTree>().Invalidate();
    }

    [Fact]
    public void Xlsx_RichTextAndPhoneticHints_ReadAsTheirText()
    {
        var rows = RegistryFileReader.Open(RichTextWorkbook(), "giau.xlsx", 10).Rows().ToList();

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Number);
        Assert.Equal("Nguyễn Văn An", row[RegistryColumn.FullName]);
        Assert.Equal("Chi bộ ấp Một", row[RegistryColumn.Cell]);
        Assert.Equal("19/05/1995", row[RegistryColumn.AdmittedOn]);
    }

    /// <summary>Shared strings with runs and a phonetic hint, an inline string in runs, written as Excel does (no whitespace between rows).</summary>
    private static byte[] RichTextWorkbook()
    {
        const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            using (var w = new StreamWriter(wb.GetStream(FileMode.Create)))
            {
                w.Write($"<workbook xmlns=\"{Ns}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"RID\"/></sheets></workbook>");
            }

            var sheet = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>("RID");
            var shared = wb.AddNewPart<DocumentFormat.OpenXml.Packaging.SharedStringTablePart>();
            using (var w = new StreamWriter(shared.GetStream(FileMode.Create)))
            {
                w.Write($"<sst xmlns=\"{Ns}\"><si><t>Họ và tên</t></si><si><t>Chi bộ</t></si><si><t>Ngày vào Đảng</t></si>"
                    + "<si><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">Văn An</t></r><rPh sb=\"0\" eb=\"1\"><t>グエン</t></rPh></si></sst>");
            }

            using (var w = new StreamWriter(sheet.GetStream(FileMode.Create)))
            {
                w.Write($"<worksheet xmlns=\"{Ns}\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"inlineStr\"><is><r><t>Chi bộ </t></r><r><t>ấp Một</t></r></is></c><c r=\"C2\" t=\"str\"><v>19/05/1995</v></c></row>"
                    + "<row r=\"3\"/><row r=\"4\"><c r=\"A4\"/></row></sheetData></worksheet>");
            }
        }

        return ms.ToArray();
    }
}
