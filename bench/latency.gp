# bench/run.sh's latency picture: our end-to-end latency (send to print, 1,000 events/s, after warm-up) by
# percentile, one curve per round, from EndToEndLatencyBench's HdrHistogram percentile distributions; the x axis
# is 1/(1-p) on a log scale, as HdrHistogram's own plots, so the tail gets room. Kafka's EndToEndLatency's p50,
# p99 and p99.9 (whole milliseconds) are the points; the dashed line is the goal, p99 <= 10 ms.
#   gnuplot -e "files='a.hgrm b.hgrm'; kafka='e2e.kafka.dat'; out='benchmarks-latency.svg'" bench/latency.gp
# e2e.kafka.dat: 1/(1-p) <TAB> ms, for p = 0.5, 0.99, 0.999 (bench/run.sh writes it).
set terminal svg size 960,560 dynamic font 'sans,12' background rgb 'white'
set output out
set title "End-to-end latency at 1,000 events/s after warm-up, send to print"
set xlabel "percentile"
set ylabel "latency (ms)"
set logscale x
set xrange [1:100000]
set yrange [0:*]
set xtics ("0%%" 1, "50%%" 2, "90%%" 10, "99%%" 100, "99.9%%" 1000, "99.99%%" 10000, "99.999%%" 100000) # %% is a per cent sign: tic labels are formats
set grid
set key top left noenhanced
set arrow from 100, graph 0 to 100, graph 1 nohead dt 3 lc rgb 'gray50'
# HdrHistogram's file: a header line, then "value percentile count 1/(1-percentile)"; the 100% line has no
# fourth column and is left out, comment lines (#[Mean ...) too.
plot for [i=1:words(files)] word(files, i) skip 2 using 4:1 with lines lw 2 title sprintf("ours, round %d", i), \
     kafka using 1:2 with points pt 7 ps 1.5 lc rgb 'black' title "Kafka's EndToEndLatency: p50, p99, p99.9", \
     10 with lines dt 2 lw 2 lc rgb 'red' title "goal: p99 <= 10 ms"
