// The concordance (KWIC) view: a term, the context width, and one table line per occurrence — date | left
// context | term | right context | article — sortable by date, left or right context (Concordance::sort).
// Runs on the worker thread with cancel; activating a line emits lineActivated(); "Export CSV…" saves it.
#pragma once

#include "core/model/result.h"
#include "core/search/concordance.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace dubao {

class ConcordanceModel;
class SearchRunner;

class ConcordanceView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConcordanceView)

public:
    static constexpr int LineLimit = 20000;

    explicit ConcordanceView(QWidget *parent = nullptr);
    ~ConcordanceView() override;

    void setLibraryPath(const QString &path);
    /// Cancels what runs and closes the worker's connection to the library (it is closing, or its file is about
    /// to be replaced); the results stay, and the next search opens it again.
    void closeConnection();
    void setSearchEnabled(bool enabled, const QString &message = {});

    QString term() const;
    /// Sets the term and runs it.
    void setTerm(const QString &term);
    int contextWidth() const;
    void setContextWidth(int width);
    void focusTerm();
    /// Runs the current term now.
    void refresh();

    ConcordanceModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }

    /// Writes the lines, in the shown order, as CSV (Concordance::toCsv) through QSaveFile.
    Result<void> exportCsv(const QString &path) const;

signals:
    void lineActivated(const dubao::ConcordanceLine &line);
    /// A run ended and its lines (or its message) are shown.
    void linesShown();

private:
    void onFinished(quint64 id, const ConcordanceResult &result);
    void exportDialog();
    void updateActions();
    void fitContextColumns();

    QLineEdit *m_term;
    QSpinBox *m_width;
    QPushButton *m_export;
    QLabel *m_status;
    QTableView *m_table;
    QTimer *m_debounce;
    ConcordanceModel *m_model;
    std::unique_ptr<SearchRunner> m_runner;
    QString m_libraryPath;
    quint64 m_id = 0;
    bool m_busy = false;
    bool m_enabled = true;
};

} // namespace dubao
