// File → Export…: what to export (tags any/all with or without child tags, dates, publication, search query, or
// a notebook), the format and its options, a live preview of the first entries, and the file. The export runs
// as an ExportJob on a worker thread with a progress bar; the dialog can be opened preset with the
// annotations panel's filter or with a notebook.
#pragma once

#include "core/export/excerptcollector.h"
#include "core/store/annotationrepository.h"

#include <QDialog>
#include <QImage>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace dubao {

class ExportJob;
class Library;

class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    /// `library` is the UI thread's connection (tags, notebooks, preview); the export itself opens its own
    /// connection to library.path() on a worker thread.
    explicit ExportDialog(Library &library, QWidget *parent = nullptr);
    ExportDialog(Library &library, const AnnotationFilter &filter, QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// Presets the selection from the annotations panel's filter (tags, child tags, article/issue, dates, text).
    void setFilter(const AnnotationFilter &filter);
    /// Presets a notebook export (its entries in its order).
    void setNotebook(qint64 notebookId);
    /// Chooses the format registered under `name` (core/export/exportformat.h), e.g. "md"; the dialog lists every
    /// registered format.
    void setFormat(const QString &name);
    void setOutputPath(const QString &path);

    ExportSelection selection() const;
    QString format() const; ///< the chosen format's name
    ExportOptions options() const;
    QString outputPath() const;
    /// The preview as shown: the first entries in the chosen format; for a binary format what it holds
    /// (app/export/exportpreview.h): an outline for ODT, the project's contents for REFI-QDA, the PDF's page text.
    QString previewText() const;
    /// PDF: the first page as the PDF writer lays it out (null for the other formats).
    QImage previewImage() const { return m_previewImage; }
    bool isExporting() const;

public slots:
    /// Starts the export (what the Export button does); false when the file name is missing.
    bool startExport();
    void updatePreview();

signals:
    /// `message`: the error, or what was written ("Exported 4 entries to …").
    void exportFinished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    void build();
    void loadLists();
    void schedulePreview();
    void updateEnabled();
    void browse();
    void onFinished(bool ok, const QString &error, qsizetype count);

    Library &m_library;
    ExportSelection m_preset; ///< fields of a preset filter the widgets do not show (articles, issue, text)
    QRadioButton *m_excerpts = nullptr;
    QRadioButton *m_notebookChoice = nullptr;
    QComboBox *m_notebook = nullptr;
    QListWidget *m_tags = nullptr;
    QComboBox *m_tagMatch = nullptr;
    QCheckBox *m_childTags = nullptr;
    QCheckBox *m_fromOn = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toOn = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_publication = nullptr;
    QComboBox *m_author = nullptr; ///< "Anyone" or one of the library's authors
    QLineEdit *m_query = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_grouping = nullptr;
    QCheckBox *m_asNotes = nullptr;
    QCheckBox *m_withLinks = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QStackedWidget *m_previewPages = nullptr; ///< the text, or the PDF's first page
    QLabel *m_previewPage = nullptr;
    QImage m_previewImage;
    QLabel *m_previewStatus = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTimer *m_previewTimer = nullptr;
    std::unique_ptr<ExportJob> m_job;
    bool m_closeWhenCancelled = false;
};

} // namespace dubao
