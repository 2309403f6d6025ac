// Help ▸ User Guide: the guide that ships inside the binary opens rendered,
// with its screenshot, and its links to the other shipped documents stay in
// the dialog.
#include "windowfixture.h"

#include "help/guidedialog.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>
#include <QtWidgets/QTextBrowser>

using namespace Qt::StringLiterals;
using namespace closecall;

class TestGuide : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void userGuideOpensRenderedWithItsPictureAndLinks();

private:
    QTemporaryDir m_dir;
    test::WindowFixture m_fixture;
};

void TestGuide::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestGuide::userGuideOpensRenderedWithItsPictureAndLinks()
{
    QVERIFY(m_fixture.start(m_dir.filePath(u"guide.ini"_s), false));
    auto *action = m_fixture.window->findChild<QAction *>(u"actionUserGuide"_s);
    QVERIFY(action);
    action->trigger();

    auto *dialog = m_fixture.window->findChild<ui::GuideDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTextBrowser *browser = dialog->browser();
    QCOMPARE(browser->source(), QUrl(u"qrc:/docs/guide.md"_s));
    QTextDocument *doc = browser->document();
    // Rendered, not shown as Markdown source: the title is a heading.
    const QTextBlock first = doc->firstBlock();
    QCOMPARE(first.text(), u"CloseCall user guide"_s);
    QCOMPARE(first.blockFormat().headingLevel(), 1);
    QVERIFY(!doc->toPlainText().contains(u"# CloseCall"_s));
    QVERIFY(doc->toPlainText().contains(u"Close Output"_s));

    // The screenshot it shows is in the binary too.
    const QVariant picture =
        doc->resource(QTextDocument::ImageResource, QUrl(u"qrc:/docs/screenshot.png"_s));
    QVERIFY(picture.isValid());
    const QImage image = picture.value<QImage>().isNull() ? QImage::fromData(picture.toByteArray())
                                                          : picture.value<QImage>();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 600);

    // Its link to the headless contract (as the rendered page has it) opens
    // that page in the dialog.
    QString link;
    for (QTextBlock block = doc->begin(); block.isValid() && link.isEmpty(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (href.startsWith(u"headless"_s))
                link = href;
        }
    }
    QVERIFY(!link.isEmpty());
    browser->setSource(browser->source().resolved(QUrl(link)));
    QCOMPARE(browser->source().scheme(), u"qrc"_s);
    QVERIFY(browser->source().path().startsWith(u"/docs/headless"_s));
    QVERIFY(doc->firstBlock().text().startsWith(u"Headless mode"_s));
    QVERIFY(browser->isBackwardAvailable());
    browser->backward();
    QCOMPARE(browser->source(), QUrl(u"qrc:/docs/guide.md"_s));
}

QTEST_MAIN(TestGuide)
#include "tst_guide.moc"
