package kr.vaccinepass.portal.grace.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import kr.vaccinepass.portal.shared.region.Sigungu;

/**
 * The regions a grace declaration or an incident may cover, for a page in one language: the 시도 to
 * choose, the 시군구 grouped by 시도 (a 시도 that is its own 시군구, 세종, is chosen as a 시도), and a scope in
 * words.
 */
final class RegionChoice implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> names = new HashMap<>();
  private final List<SelectItem> sidoItems = new ArrayList<>();
  private final List<SelectItem> sigunguItems = new ArrayList<>();

  RegionChoice(Regions regions, Locale here) {
    for (Sido sido : regions.allSido()) {
      names.put(sido.getCode(), sido.name(here));
      sidoItems.add(new SelectItem(sido.getCode(), sido.name(here)));
      List<SelectItem> inSido = new ArrayList<>();
      for (Sigungu sigungu : regions.sigunguOf(sido.getCode())) {
        names.put(sigungu.getCode(), sigungu.fullName(here));
        if (!sigungu.getNameKo().equals(sido.getNameKo())) {
          inSido.add(new SelectItem(sigungu.getCode(), sigungu.fullName(here)));
        }
      }
      if (!inSido.isEmpty()) {
        SelectItemGroup group = new SelectItemGroup(sido.name(here));
        group.setSelectItems(inSido.toArray(SelectItem[]::new));
        sigunguItems.add(group);
      }
    }
  }

  List<SelectItem> sidoItems() {
    return sidoItems;
  }

  List<SelectItem> sigunguItems() {
    return sigunguItems;
  }

  /** The regions of a scope in words, or {@code nationwide} when it names none. */
  String describe(GraceScope scope, String nationwide) {
    if (scope.nationwide()) {
      return nationwide;
    }
    return String.join(
        ", ",
        Stream.concat(scope.sidoCodes().stream(), scope.sigunguCodes().stream())
            .map(code -> names.getOrDefault(code, code))
            .toList());
  }
}
