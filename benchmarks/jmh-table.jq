# Turns JMH's JSON results (-rf json) into the markdown rows of BENCHMARKS.md: the median of every measured
# iteration of every fork, and their range.   jq -r -f benchmarks/jmh-table.jq jmh.json
def two: . * 100 | round / 100;
.[] | (.primaryMetric.rawData | flatten | sort) as $v
| ($v | length) as $n
| (if $n % 2 == 1 then $v[($n - 1) / 2] else ($v[$n / 2 - 1] + $v[$n / 2]) / 2 end) as $median
| (.benchmark | sub("^dev\\.selftest\\.(benchmarks|internal\\.run)\\."; "")) as $name
| ((.params // {}) | to_entries | map("\(.key)=\(.value)") | join(", ") | gsub("\\|"; "\\|")) as $params
| "| \($name) | \($params) | \($median | two) | \($v[0] | two) - \($v[$n - 1] | two) | \(.primaryMetric.scoreUnit) | \($n) |"
