package kr.vaccinepass.portal.enforcement.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.enforcement.application.EnforcementOverview;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.web.BarChart;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;

/** The administrators' enforcement figures (admin/enforcement.xhtml): by 시도 as a chart, by 시군구. */
@Named
@ViewScoped
public class EnforcementOverviewBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject EnforcementOverview overview;
  @Inject Messages messages;
  @Inject Formats formats;

  private List<Row> rows;

  /** A 시군구's figures as the table shows them (plain values, sortable and filterable). */
  public record Row(
      String sido,
      String sigungu,
      long visitor,
      long operator,
      long warnings,
      long fined,
      long open,
      long paid,
      long waived)
      implements Serializable {
    public String getSido() {
      return sido;
    }

    public String getSigungu() {
      return sigungu;
    }

    public long getVisitor() {
      return visitor;
    }

    public long getOperator() {
      return operator;
    }

    public long getWarnings() {
      return warnings;
    }

    public long getFined() {
      return fined;
    }

    public long getOpen() {
      return open;
    }

    public long getPaid() {
      return paid;
    }

    public long getWaived() {
      return waived;
    }
  }

  @PostConstruct
  void init() {
    rows =
        overview.bySigungu().stream()
            .map(
                t ->
                    new Row(
                        t.sidoName().in(formats.locale()),
                        t.sigunguName().in(formats.locale()),
                        t.visitorViolations(),
                        t.operatorViolations(),
                        t.warnings(),
                        t.fined().won(),
                        t.open().won(),
                        t.paid().won(),
                        t.waivedOrCancelled().won()))
            .toList();
  }

  public List<Row> getRows() {
    return rows;
  }

  public long getTotalViolations() {
    return rows.stream().mapToLong(r -> r.visitor() + r.operator()).sum();
  }

  public long getTotalFined() {
    return rows.stream().mapToLong(Row::fined).sum();
  }

  public long getTotalOpen() {
    return rows.stream().mapToLong(Row::open).sum();
  }

  public long getTotalPaid() {
    return rows.stream().mapToLong(Row::paid).sum();
  }

  public String won(long amount) {
    return formats.money(Money.won(amount));
  }

  /** Fines by 시도 as a Chart.js bar chart. */
  public String getChart() {
    Map<String, Long> bySido = new LinkedHashMap<>();
    rows.forEach(r -> bySido.merge(r.sido(), r.fined(), Long::sum));
    return BarChart.of(messages.text("enforcement.overview.chart"), "#0b3d91", bySido);
  }
}
